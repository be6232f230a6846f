import { Badge, Radio, Stack, Text } from '@mantine/core';
import { sharingChoices, sharingWords, type Sharing } from '../../../shared/practice/sharing';

/** The patient's choice of who reads this entry, with the practice type's suggestion marked. */
export function SharingChoice({
  value,
  suggested,
  onChange,
}: {
  value: Sharing;
  suggested: Sharing;
  onChange: (s: Sharing) => void;
}) {
  return (
    <Radio.Group
      label="Who can read this?"
      description="Drafts are yours alone. You can change this later."
      value={value}
      onChange={(v) => onChange(v)}
    >
      <Stack gap="sm" mt="xs">
        {sharingChoices.map((choice) => (
          <Radio.Card
            key={choice}
            value={choice}
            p="sm"
            radius="md"
            style={{ borderColor: value === choice ? 'var(--mantine-color-blue-6)' : undefined }}
          >
            <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
              <Radio.Indicator mt={2} />
              <div>
                <Text fw={700}>
                  {sharingWords[choice].label}{' '}
                  {choice === suggested && (
                    <Badge size="sm" variant="light" color="gray" c="dark.7">
                      Suggested for this practice
                    </Badge>
                  )}
                </Text>
                <Text size="sm">{sharingWords[choice].explains}</Text>
              </div>
            </div>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}
