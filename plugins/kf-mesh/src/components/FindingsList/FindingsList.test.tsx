import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { FindingsList } from './FindingsList';
import { ambientStatus } from '../../__fixtures__/namespaceStatuses';

describe('FindingsList', () => {
  it('names the workloads a policy finding is scoped to, and the Kiali code (docs/mesh-semantics.md#e6)', async () => {
    await renderInTestApp(
      <FindingsList
        status={{
          ...ambientStatus,
          findings: [
            {
              code: 'KFM313',
              severity: 'warning',
              title: 'Workload has L7 policies but no waypoint',
              message:
                'Pod api-0 is selected by L7 AuthorizationPolicies (api-get).',
              remediation: 'Deploy a waypoint.',
              kialiCode: 'KIA1317',
              fixedByOnboarding: false,
              workloads: ['api-0', 'api-1'],
            },
          ],
        }}
      />,
    );
    expect(screen.getByText('Workloads: api-0, api-1')).toBeInTheDocument();
    expect(screen.getByText('KFM313 · KIA1317')).toBeInTheDocument();
  });
});
