// Text fields with a visible limit (issue 17): drop-in for Mantine's Textarea and TextInput. With a
// maxLength, a counter shows from 80 % of it and an error once over; the text is never cut (no native
// maxLength, so a paste arrives whole) and the server refuses what does not fit.
import {
  Textarea as MantineTextarea,
  TextInput as MantineTextInput,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { textLimit } from './text-limit';

type Limited = {
  value?: string | number | readonly string[];
  maxLength?: number;
  description?: ReactNode;
  error?: ReactNode;
};

function limitProps<P extends Limited>(props: P): P {
  const { maxLength, value, description, error } = props;
  if (maxLength === undefined || typeof value !== 'string') return props;
  const { counter, error: over } = textLimit(value, maxLength);
  return {
    ...props,
    maxLength: undefined,
    description:
      counter === null ? (
        description
      ) : description ? (
        <>
          {description} <span>({counter})</span>
        </>
      ) : (
        counter
      ),
    error: error ?? over ?? undefined,
  };
}

export function Textarea(props: TextareaProps) {
  return <MantineTextarea {...limitProps(props)} />;
}

export function TextInput(props: TextInputProps) {
  return <MantineTextInput {...limitProps(props)} />;
}
