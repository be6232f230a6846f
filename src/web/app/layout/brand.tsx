import { Group, Text } from '@mantine/core';

/** The Duet mark and, when known, the clinic name. */
export function Brand({ clinicName }: { clinicName?: string }) {
  return (
    <Group gap={8} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
      <svg style={{ flexShrink: 0 }} width="28" height="28" viewBox="0 0 32 32" aria-hidden focusable="false">
        <circle cx="12" cy="16" r="9" fill="#1c7ed6" opacity="0.85" />
        <circle cx="20" cy="16" r="9" fill="#0ca678" opacity="0.85" />
      </svg>
      <Text fw={700} size="lg" c="dark.8">
        Duet
      </Text>
      {clinicName && (
        <Text size="sm" c="dimmed" truncate="end" style={{ minWidth: 0, flex: 1 }}>
          {clinicName}
        </Text>
      )}
    </Group>
  );
}
