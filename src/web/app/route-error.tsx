import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconHome } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { PageTitle } from '../components/page-title';

/** A chunk that cannot be fetched (a new version was deployed, or the connection dropped). */
function isMissingChunk(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
      error.message,
    )
  );
}

/**
 * What a route shows when its page fails (issue 17): plain words and a way back, inside the app's layout.
 * The error goes to the console for whoever investigates; nothing about it is shown to the person.
 */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  useEffect(() => {
    console.error('Duet: a page failed to show', error);
  }, [error]);
  const message = isMissingChunk(error)
    ? 'This page could not be loaded. Check your connection, then reload the page.'
    : isRouteErrorResponse(error) && error.status === 404
      ? 'There is nothing at this address.'
      : 'This page ran into a problem. What you saved before is safe. Go back, or start again from your home page.';
  return (
    <Stack gap="md" py="xl" px="md" align="flex-start" role="alert">
      <PageTitle>Something went wrong</PageTitle>
      <Text>{message}</Text>
      <Group gap="sm">
        <Button
          variant="light"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          onClick={() => void navigate(-1)}
        >
          Go back
        </Button>
        <Button component={Link} to="/" leftSection={<IconHome size={16} aria-hidden />} reloadDocument>
          Home
        </Button>
        {isMissingChunk(error) && (
          <Button variant="default" onClick={() => window.location.reload()}>
            Reload
          </Button>
        )}
      </Group>
    </Stack>
  );
}
