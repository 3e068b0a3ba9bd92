import { createBackendModule } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** Id of the demo's sign-in provider: `GET /api/auth/kf-mesh-demo/refresh`. */
export const DEMO_SIGN_IN_PROVIDER = 'kf-mesh-demo';

/** Request header naming the demo user to sign in as (one of `auth.providers.kf-mesh-demo.users`). */
export const DEMO_USER_HEADER = 'x-kf-mesh-demo-user';

/**
 * Catalog annotation that marks the User entity a demo user signs in as; packages/demo-fleet writes it
 * (`kf-mesh.io/demo-user: profile-owner` on the owner of the demo's self-service profile,
 * `platform-engineer` on a member of the platform team).
 */
export const DEMO_USER_ANNOTATION = 'kf-mesh.io/demo-user';

const USER_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The demo's sign-in: pick one of the configured demo users (`auth.providers.kf-mesh-demo.users`, e.g.
 * `[profile-owner, platform-engineer]`) with the `x-kf-mesh-demo-user` header; the user is the catalog User
 * annotated `kf-mesh.io/demo-user: <id>`, with the ownership the catalog gives it (its groups), so the
 * permission policy sees what a real sign-in would give. Like Backstage's guest provider it signs in
 * without a password, so it refuses to start unless NODE_ENV is `development`.
 */
export const demoSignInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'kf-mesh-demo-sign-in',
  register(env) {
    env.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: DEMO_SIGN_IN_PROVIDER,
          factory: createProxyAuthProviderFactory({
            authenticator: createProxyAuthenticator({
              defaultProfileTransform: async (result: { user: string }) => ({
                profile: { displayName: result.user },
              }),
              initialize({ config }) {
                if (process.env.NODE_ENV !== 'development') {
                  throw new Error(
                    `The ${DEMO_SIGN_IN_PROVIDER} sign-in provider signs in without a password: demo only (NODE_ENV=development)`,
                  );
                }
                const users = config.getStringArray('users');
                for (const user of users) {
                  if (!USER_ID.test(user)) {
                    throw new InputError(
                      `auth.providers.${DEMO_SIGN_IN_PROVIDER}.users: '${user}' must be lowercase words joined by '-'`,
                    );
                  }
                }
                return { users };
              },
              async authenticate({ req }, { users }) {
                const user = req.get(DEMO_USER_HEADER) ?? '';
                if (!users.includes(user)) {
                  throw new NotAllowedError(
                    `Header ${DEMO_USER_HEADER} must name a demo user: ${users.join(
                      ', ',
                    )}`,
                  );
                }
                return { result: { user } };
              },
            }),
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                annotations: { [DEMO_USER_ANNOTATION]: result.user },
              });
            },
          }),
        });
      },
    });
  },
});
