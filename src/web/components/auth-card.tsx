import { Box, Center, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from '../app/layout/brand';

/** The frame of the pages seen before signing in: login and invite acceptance. */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" px="sm" py={{ base: 'lg', sm: 60 }}>
      <Center component="header" mb="lg">
        <Brand />
      </Center>
      <Box component="main" id="main" maw={440} mx="auto">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="md">{children}</Stack>
        </Paper>
      </Box>
    </Box>
  );
}
