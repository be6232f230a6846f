// The "Documents" menu on the clinician's patient page (issue 14): each PDF is a plain download link, so
// the browser saves it (the server answers as an attachment, never cached); every generation is audited.
// A popover of links rather than an ARIA menu: these are downloads, read and followed like any link.
import { Anchor, Button, Popover, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconFileTypePdf } from '@tabler/icons-react';
import { clinicalDocumentKinds } from '../../../shared/documents/api';
import { documentTitle, patientDocumentUrl } from './document-links';

const hints: Record<(typeof clinicalDocumentKinds)[number], string> = {
  'medication-list': 'with a wallet card',
  'measurement-report': 'for referrals',
  'diary-card': 'this week',
  'treatment-plan': 'as agreed',
};

export function DocumentsMenu({ patientId }: { patientId: string }) {
  return (
    <Popover position="bottom-start" withinPortal shadow="md">
      <Popover.Target>
        <Button variant="light" rightSection={<IconChevronDown size={16} aria-hidden />}>
          Documents
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Documents to download">
        <Text size="sm" c="dimmed" mb="xs">
          Download a PDF
        </Text>
        <Stack gap="xs">
          {clinicalDocumentKinds.map((kind) => (
            <Anchor key={kind} href={patientDocumentUrl(patientId, kind)} download>
              <IconFileTypePdf size={16} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
              {documentTitle(kind)} ({hints[kind]})
            </Anchor>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
