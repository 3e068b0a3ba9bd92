import { useState } from 'react';
import { ProxiedSignInPage } from '@backstage/core-components';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { Button, Card, Container, Flex, Text } from '@backstage/ui';

/** The demo users the backend's `kf-mesh-demo` provider signs in (auth.providers.kf-mesh-demo.users). */
export const DEMO_USERS = [
  {
    id: 'profile-owner',
    title: 'Profile owner',
    description:
      'Owns a Kubeflow profile: sees and onboards only their own profiles, no fleet access.',
  },
  {
    id: 'platform-engineer',
    title: 'Platform engineer',
    description:
      'Member of the platform team: reads the whole fleet and reviews onboardings.',
  },
] as const;

/** Where the chosen demo user is kept, so a reload stays signed in; cleared on sign-out. */
const STORAGE_KEY = 'kf-mesh-demo-user';

/**
 * The demo's sign-in page: pick one of the two demo users, then the backend's `kf-mesh-demo` proxy provider
 * issues that user's Backstage token (header `x-kf-mesh-demo-user`). Signing out returns here.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const [user, setUser] = useState<string | null>(() =>
    window.localStorage.getItem(STORAGE_KEY),
  );
  if (user) {
    return (
      <ProxiedSignInPage
        provider="kf-mesh-demo"
        headers={{ 'x-kf-mesh-demo-user': user }}
        ErrorComponent={({ error }) => (
          <Container>
            <Flex direction="column" gap="2" style={{ marginTop: 64 }}>
              <Text>
                Could not sign in as {user}: {error?.message ?? 'unknown error'}
              </Text>
              <Button
                onPress={() => {
                  window.localStorage.removeItem(STORAGE_KEY);
                  setUser(null);
                }}
              >
                Choose another user
              </Button>
            </Flex>
          </Container>
        )}
        onSignInSuccess={identity =>
          props.onSignInSuccess({
            getProfileInfo: () => identity.getProfileInfo(),
            getBackstageIdentity: () => identity.getBackstageIdentity(),
            getCredentials: () => identity.getCredentials(),
            signOut: async () => {
              window.localStorage.removeItem(STORAGE_KEY);
              await identity.signOut();
            },
          })
        }
      />
    );
  }
  return (
    <Container>
      <Flex direction="column" gap="4" style={{ marginTop: 64 }}>
        <Text variant="title-large" as="h1">
          Sign in to the kf-mesh demo
        </Text>
        <Text>
          Two users show kf-mesh's permission model: pick who you are.
        </Text>
        <Flex gap="4">
          {DEMO_USERS.map(u => (
            <Card key={u.id} style={{ padding: 16, maxWidth: 360 }}>
              <Flex direction="column" gap="2">
                <Text variant="title-small" as="h2">
                  {u.title}
                </Text>
                <Text>{u.description}</Text>
                <Button
                  aria-label={`Sign in as ${u.title}`}
                  onPress={() => {
                    window.localStorage.setItem(STORAGE_KEY, u.id);
                    setUser(u.id);
                  }}
                >
                  Sign in as {u.title}
                </Button>
              </Flex>
            </Card>
          ))}
        </Flex>
      </Flex>
    </Container>
  );
}
