import { Card, Title } from '@mantine/core';
import { LoadingState } from './query-state';

/**
 * Holds a home card's place while its code arrives (issue 17): the card's own title and loading line, so it
 * has the height the card will have while it loads its data and nothing below it moves. Hidden from assistive
 * technology: the real card announces itself when it arrives.
 */
export function CardPlaceholder({ title, loading }: { title: string; loading: string }) {
  return (
    <Card withBorder radius="md" padding="md" aria-hidden>
      <Title order={2} size="h3" mb={4} component="p">
        {title}
      </Title>
      <LoadingState label={loading} />
    </Card>
  );
}
