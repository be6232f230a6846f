// The "Documents" menu on the clinician's patient page (issue 14): each PDF is a plain download link, so
// the browser saves it (the server answers as an attachment, never cached); every generation is audited.
import { Button, Menu } from '@mantine/core';
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
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="light" rightSection={<IconChevronDown size={16} aria-hidden />}>
          Documents
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Download a PDF</Menu.Label>
        {clinicalDocumentKinds.map((kind) => (
          <Menu.Item
            key={kind}
            component="a"
            href={patientDocumentUrl(patientId, kind)}
            download
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {documentTitle(kind)} ({hints[kind]})
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
