import { Title, type TitleProps } from '@mantine/core';
import { useEffect } from 'react';

type PageTitleProps = Omit<TitleProps, 'order'> & { children: string; documentTitle?: string };

/** The page's one h1; also sets the browser tab title. */
export function PageTitle({ children, documentTitle, ...rest }: PageTitleProps) {
  useEffect(() => {
    document.title = `${documentTitle ?? children} · Duet`;
  }, [children, documentTitle]);
  return (
    <Title order={1} fz={{ base: 'h2', sm: 'h1' }} {...rest}>
      {children}
    </Title>
  );
}
