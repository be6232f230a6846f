// "My record" (issue 14, right of access): the patient downloads their whole record as a PDF to read and as
// a JSON file for other programs, and their single documents. Made for a phone; plain words.
import { Anchor, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { clinicalDocumentKinds } from '../../../shared/documents/api';
import { documentTitle, myDocumentUrl, MY_RECORD_JSON_URL } from './document-links';

export function MyRecordPage() {
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/home" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Home
      </Anchor>
      <PageTitle>My record</PageTitle>
      <Text>
        You have the right to a copy of what your care team keeps about you. Download it here, as often as you
        like.
      </Text>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="whole-record-heading">
        <Title order={2} size="h3" id="whole-record-heading">
          Your whole record
        </Title>
        <Text mt="xs">It holds:</Text>
        <List size="sm" spacing={2} mt={4}>
          <List.Item>your treatment plan as agreed, with who signed it</List.Item>
          <List.Item>
            your medicines, their doses and every change with its reason, and your allergies
          </List.Item>
          <List.Item>your questionnaire scores</List.Item>
          <List.Item>your appointments</List.Item>
          <List.Item>the practice you shared with your care team</List.Item>
          <List.Item>your messages with your care team</List.Item>
          <List.Item>who has seen your record</List.Item>
        </List>
        <Text size="sm" c="dimmed" mt="xs">
          Your therapist’s private psychotherapy notes are not part of your record, and practice you shared
          with your therapist only stays out of these downloads.
        </Text>
        <Stack gap="sm" mt="md">
          <Button
            component="a"
            href={myDocumentUrl('my-record')}
            download
            size="lg"
            leftSection={<IconFileTypePdf size={22} aria-hidden />}
          >
            Download as PDF (to read or print)
          </Button>
          <Button
            component="a"
            href={MY_RECORD_JSON_URL}
            download
            size="lg"
            variant="default"
            leftSection={<IconDownload size={22} aria-hidden />}
          >
            Download as a data file (JSON)
          </Button>
          <Text size="sm" c="dimmed">
            The data file is for other programs, for example another clinic’s system or an app you choose.
            Keep both files somewhere safe: anyone who has them can read your health information.
          </Text>
        </Stack>
      </Card>
      <Card
        withBorder
        radius="md"
        padding="md"
        component="section"
        aria-labelledby="single-documents-heading"
      >
        <Title order={2} size="h3" id="single-documents-heading">
          Single documents
        </Title>
        <Stack gap="xs" mt="xs">
          {clinicalDocumentKinds.map((kind) => (
            <Anchor key={kind} href={myDocumentUrl(kind)} download>
              <IconFileTypePdf size={16} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
              {documentTitle(kind)}
              {kind === 'medication-list' ? ' (with a card for your wallet)' : ''}
              {kind === 'diary-card' ? ' (this week)' : ''}
            </Anchor>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
