import { NativeSelect } from '@mantine/core';
import { useMemo } from 'react';

function allTimeZones(extra: string): string[] {
  const set = new Set<string>();
  try {
    for (const zone of Intl.supportedValuesOf('timeZone')) set.add(zone);
  } catch {
    // Older browsers: UTC and the current value only.
  }
  set.add('UTC');
  if (extra) set.add(extra);
  return [...set].sort((a, b) => a.localeCompare(b));
}

type Props = { value: string; onChange: (zone: string) => void; error?: string; description?: string };

/** A select of IANA time zones (America/Chicago…), as the patient record stores them. */
export function TimeZoneSelect({ value, onChange, error, description }: Props) {
  const zones = useMemo(() => allTimeZones(value), [value]);
  return (
    <NativeSelect
      label="Time zone"
      description={description ?? 'Reminders and times are shown in this zone'}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
      error={error}
    />
  );
}
