import { Navigate } from 'react-router-dom';
import { SignInPage } from '@backstage/core-components';
import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/** Guest sign-in: the demo backend only enables the guest provider. */
const guestSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props =>
      <SignInPage {...props} auto providers={['guest']} />,
  },
});

/** `/` opens the catalog (the demo has no home page). */
const rootRedirect = PageBlueprint.make({
  name: 'root-redirect',
  params: {
    path: '/',
    loader: async () => <Navigate to="/catalog" replace />,
  },
});

/** What the demo adds to the app plugin. */
export const demoAppModule = createFrontendModule({
  pluginId: 'app',
  extensions: [guestSignInPage, rootRedirect],
});
