import { Navigate } from 'react-router-dom';
import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/** The demo's sign-in: a profile owner or a platform engineer (DemoSignInPage.tsx). */
const demoSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (await import('./DemoSignInPage')).DemoSignInPage,
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
  extensions: [demoSignInPage, rootRedirect],
});
