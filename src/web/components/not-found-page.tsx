import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from './page-title';

type NotFoundPageProps = { title?: string; message?: string; backTo?: string; backLabel?: string };

/** Shown for unknown addresses and for records the visitor may not see (the API answers 404). */
export function NotFoundPage({
  title = 'Page not found',
  message = 'There is nothing at this address. It may have moved, or the link may be mistyped.',
  backTo = '/',
  backLabel = 'Go to my start page',
}: NotFoundPageProps) {
  return (
    <Stack gap="md" py="xl" align="flex-start">
      <PageTitle>{title}</PageTitle>
      <Text>{message}</Text>
      <Button component={Link} to={backTo} variant="light">
        {backLabel}
      </Button>
    </Stack>
  );
}
