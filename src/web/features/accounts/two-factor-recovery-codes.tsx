import { Alert, Button, Checkbox, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';

/** The recovery codes, shown once (only their hashes are kept), with a check that they were saved. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="recovery-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="recovery-heading">
          Your recovery codes
        </Title>
        <Alert color="blue" variant="light" title="Save these codes now">
          If you lose your phone, each code lets you sign in once instead of a code from the app. Duet shows
          them only this once: write them down or keep them in a password manager.
        </Alert>
        <List
          spacing={4}
          aria-label="Recovery codes"
          styles={{ item: { fontFamily: 'monospace', fontSize: '1.05rem' } }}
          data-testid="recovery-codes"
        >
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Checkbox
          label="I have saved my recovery codes"
          checked={saved}
          onChange={(e) => setSaved(e.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed">
          You can make new codes at any time in My account (the old ones then stop working).
        </Text>
        <Button onClick={onDone} disabled={!saved} style={{ alignSelf: 'flex-start' }}>
          Done
        </Button>
      </Stack>
    </Paper>
  );
}
