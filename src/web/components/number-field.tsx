import { NumberInput, type NumberInputProps } from '@mantine/core';
import { numberRangeError } from './number-range';

type NumberFieldProps = NumberInputProps & { wholeNumber?: boolean };

/**
 * A number input that never changes what was typed (issue 17): no clamping on blur; a number outside
 * min..max is shown as it is, with the range named at the field. The form refuses it (see numberRangeError)
 * and the server refuses it again. An `error` given by the form wins.
 */
export function NumberField({ wholeNumber, error, min, max, value, ...rest }: NumberFieldProps) {
  const rangeError =
    value === undefined
      ? null
      : numberRangeError(value, { min, max, wholeNumber: wholeNumber ?? rest.allowDecimal === false });
  return (
    <NumberInput
      {...rest}
      min={min}
      max={max}
      value={value}
      clampBehavior="none"
      error={error ?? rangeError ?? undefined}
    />
  );
}
