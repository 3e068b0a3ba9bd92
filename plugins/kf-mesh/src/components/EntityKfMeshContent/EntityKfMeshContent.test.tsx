import { stringifyEntityRef } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  EntityStatusResponse,
  NamespaceMeshStatus,
  OnboardingLifecycle,
} from '@kf-mesh/plugin-kf-mesh-common';
import { permissionDenied, serverError } from '../../__fixtures__/apiErrors';
import {
  profileEntity,
  profileEntityStatus,
  unannotatedEntity,
} from '../../__fixtures__/entities';
import {
  ambientStatus,
  conflictStatus,
  migratingStatus,
  noneStatus,
  sidecarStatus,
} from '../../__fixtures__/namespaceStatuses';
import {
  renderForProfileEntity,
  renderForProfileEntityStatus,
  renderWithEntity,
} from '../../__testUtils__/renderWithEntity';
import {
  createOnboardings,
  inWave,
  knownOnboarding,
  unknownOnboarding,
  withOnboarding,
} from '../../__fixtures__/onboardings';
import { EntityKfMeshContent } from './EntityKfMeshContent';

const render = (getEntityStatus: jest.Mock) =>
  renderForProfileEntity(<EntityKfMeshContent />, getEntityStatus);

const renderStatus = (
  response: Partial<EntityStatusResponse>,
  config?: Parameters<typeof renderForProfileEntity>[2],
) => renderForProfileEntityStatus(<EntityKfMeshContent />, response, config);

describe('EntityKfMeshContent', () => {
  it('asks for the status of the current entity and shows a progress bar meanwhile', async () => {
    let resolve: (r: EntityStatusResponse) => void = () => {};
    const getEntityStatus = jest.fn(
      () => new Promise<EntityStatusResponse>(r => (resolve = r)),
    );
    await render(getEntityStatus);
    expect(getEntityStatus).toHaveBeenCalledWith(
      'component:default/kubeflow-bob',
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    resolve(profileEntityStatus({ namespaces: [ambientStatus] }));
    expect(
      await screen.findByRole('heading', { name: /kubeflow-alice/ }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
  });

  it('explains the missing annotation without calling the backend', async () => {
    const getEntityStatus = jest.fn();
    await renderWithEntity(<EntityKfMeshContent />, {
      api: { getEntityStatus },
      entity: unannotatedEntity,
    });
    expect(screen.getByText(/Missing Annotation/i)).toBeInTheDocument();
    expect(
      screen.getAllByText(/backstage.io\/kubernetes-namespace/).length,
    ).toBeGreaterThan(0);
    expect(getEntityStatus).not.toHaveBeenCalled();
  });

  it('shows an empty state when no namespace is found', async () => {
    await renderStatus({});
    expect(await screen.findByText('No namespace found')).toBeInTheDocument();
  });

  it('shows a permission-denied explanation on 403', async () => {
    await render(
      jest
        .fn()
        .mockRejectedValue(
          permissionDenied(
            'You do not have permission to read this mesh status.',
          ),
        ),
    );
    expect(await screen.findByText(/Permission denied/)).toBeInTheDocument();
    expect(screen.getByText(/do not have permission/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
  });

  it('shows the error and retries on demand', async () => {
    const getEntityStatus = jest
      .fn()
      .mockRejectedValueOnce(
        serverError('The kf-mesh backend failed to answer.'),
      )
      .mockResolvedValueOnce(
        profileEntityStatus({ namespaces: [sidecarStatus] }),
      );
    await render(getEntityStatus);
    expect(
      await screen.findByText(/Could not load mesh status/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { name: /kubeflow-carol/ }),
    ).toBeInTheDocument();
    expect(getEntityStatus).toHaveBeenCalledTimes(2);
  });

  it('shows what answered plus the clusters that failed', async () => {
    await renderStatus({
      namespaces: [ambientStatus],
      problems: [
        {
          cluster: 'prod-us',
          namespace: 'kubeflow-bob',
          message: 'cluster unreachable (timeout)',
        },
      ],
    });
    expect(
      await screen.findByText(
        /Partial results: 1 cluster did not answer \(prod-us\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/cluster unreachable \(timeout\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: /kubeflow-alice/ }),
    ).toBeInTheDocument();
  });

  it('renders one section per namespace across clusters', async () => {
    await renderStatus({ namespaces: [ambientStatus, sidecarStatus] });
    expect(
      await screen.findByRole('heading', {
        name: /kubeflow-alice on cluster prod-eu/,
      }),
    ).toBeInTheDocument();
    const carolHeading = screen.getByRole('heading', {
      name: /kubeflow-carol on cluster prod-us/,
    });
    const index = screen.getByRole('table', {
      name: 'Namespaces of this entity',
    });
    expect(
      within(index).getByRole('link', { name: 'kubeflow-carol' }),
    ).toHaveAttribute('href', '#kf-mesh-prod-us-kubeflow-carol');
    expect(
      document.getElementById('kf-mesh-prod-us-kubeflow-carol'),
    ).toContainElement(carolHeading);
  });

  it('shows no namespace index for a single namespace', async () => {
    await renderStatus({ namespaces: [ambientStatus] });
    await screen.findByRole('heading', { name: /kubeflow-alice/ });
    expect(
      screen.queryByRole('table', { name: 'Namespaces of this entity' }),
    ).not.toBeInTheDocument();
  });

  describe('verdicts', () => {
    /** Renders one namespace and returns its section. */
    const sectionShowing = async (
      status: NamespaceMeshStatus,
      config?: Parameters<typeof renderStatus>[1],
    ) => {
      await renderStatus({ namespaces: [status] }, config);
      return within(
        await screen.findByRole('region', {
          name: new RegExp(status.namespace),
        }),
      );
    };

    it('ambient: all pods redirected, programmed waypoint, STRICT chain, enforcing layers', async () => {
      const s = await sectionShowing(ambientStatus);
      expect(s.getAllByText('Ambient').length).toBeGreaterThan(0);
      expect(
        s.getByText('istio.io/dataplane-mode=ambient'),
      ).toBeInTheDocument();
      expect(
        s.getByText(/None: every pod runs the intended dataplane/),
      ).toBeInTheDocument();
      expect(s.getByText('Programmed')).toBeInTheDocument();
      expect(
        s.getByText(/Ingress gateway sends traffic through the waypoint/),
      ).toBeInTheDocument();
      expect(s.getByText('Effective mode: STRICT')).toBeInTheDocument();
      expect(
        s.getByText('istio-system/global-strict-mtls'),
      ).toBeInTheDocument();
      expect(s.getByText('ns-l4-waypoint')).toBeInTheDocument();
      expect(s.getByText(/No findings/)).toBeInTheDocument();
      expect(s.getByText(/No drift/)).toBeInTheDocument();
    });

    it('migrating: pod counts, restarts, unbound waypoint, dropped rules, findings with fix button, drift', async () => {
      const s = await sectionShowing(migratingStatus);
      expect(s.getAllByText('Migrating').length).toBeGreaterThan(0);
      const pods = s.getByRole('table', { name: 'Pods by observed dataplane' });
      const sidecarRow = within(pods).getByText('Sidecar').closest('tr')!;
      expect(within(sidecarRow).getByText('2')).toBeInTheDocument();
      const pendingRow = within(pods).getByText('Pending').closest('tr')!;
      expect(within(pendingRow).getByText('1')).toBeInTheDocument();
      const restart = s.getByRole('list', { name: 'Pods needing a restart' });
      expect(within(restart).getByText('notebook-bob-0')).toBeInTheDocument();
      expect(
        s.getByText('waypoint kubeflow-bob/waypoint does not exist'),
      ).toBeInTheDocument();
      expect(
        s.getByText(/Ingress traffic bypasses the waypoint/),
      ).toBeInTheDocument();
      expect(
        s.getByText(/rule 0: when request.headers\[kubeflow-userid\]/),
      ).toBeInTheDocument();
      expect(s.getByText('Findings (3)')).toBeInTheDocument();
      expect(s.getByText('KFM301 · KIA0110')).toBeInTheDocument();
      expect(
        s.getByText(/Re-express the policy with targetRefs/),
      ).toBeInTheDocument();
      // two findings are fixed by onboarding, the restart one is not
      const buttons = s.getAllByRole('button', {
        name: /Fix with onboarding \(ambient\)/,
      });
      expect(buttons).toHaveLength(2);
      const href = buttons[0].getAttribute('href')!;
      expect(
        href.startsWith(
          '/create/templates/default/onboard-namespace?formData=',
        ),
      ).toBe(true);
      const formData = JSON.parse(
        new URL(href, 'http://x').searchParams.get('formData')!,
      );
      // The template's parameters: the profile entity (its preflight checks the mapping) and the mode.
      expect(formData).toEqual({
        profile: stringifyEntityRef(profileEntity),
        cluster: 'prod-eu',
        namespace: 'kubeflow-bob',
        mode: 'ambient',
      });
      expect(
        s.getByText('the onboarding plan creates this waypoint'),
      ).toBeInTheDocument();
    });

    it('sidecar: STRICT from the namespace policy and sidecar enforcement', async () => {
      const s = await sectionShowing(sidecarStatus);
      expect(s.getAllByText('Sidecar').length).toBeGreaterThan(0);
      expect(s.getByText('istio-injection=enabled')).toBeInTheDocument();
      expect(s.getByText('kubeflow-carol/strict-mtls')).toBeInTheDocument();
      expect(s.getByText(/No waypoint in this namespace/)).toBeInTheDocument();
      expect(
        s.getByText('No waypoint: ingress traffic goes straight to the pods.'),
      ).toBeInTheDocument();
      expect(s.queryByText(/bypasses the waypoint/)).not.toBeInTheDocument();
    });

    it('none: not in mesh, PERMISSIVE, onboarding proposed', async () => {
      const s = await sectionShowing(noneStatus);
      expect(s.getAllByText('Not in mesh').length).toBeGreaterThan(0);
      expect(
        s.getByText('No mesh label on the namespace.'),
      ).toBeInTheDocument();
      expect(s.getByText('Effective mode: PERMISSIVE')).toBeInTheDocument();
      expect(
        s.getByText(/Not compared: no onboarding plan/),
      ).toBeInTheDocument();
      expect(
        s.getByRole('button', { name: /Fix with onboarding/ }),
      ).toBeInTheDocument();
    });

    it('conflict: both labels, workload override and incomplete data', async () => {
      const s = await sectionShowing(conflictStatus, {
        kfMesh: {
          onboardingTemplatePath: '/scaffolder/templates/platform/onboard',
        },
      });
      expect(s.getAllByText('Conflict').length).toBeGreaterThan(0);
      expect(
        s.getByText(/conflicting \(ambient and injection\)/),
      ).toBeInTheDocument();
      expect(
        s.getByText('kubeflow-erin/legacy-permissive'),
      ).toBeInTheDocument();
      expect(
        s.getByText(/Incomplete data: gateways stale/),
      ).toBeInTheDocument();
      const link = s.getByRole('button', { name: /Fix with onboarding/ });
      expect(link.getAttribute('href')).toMatch(
        /^\/scaffolder\/templates\/platform\/onboard\?formData=/,
      );
    });
  });

  it('waits for the status of a new entity ref', async () => {
    const getEntityStatus = jest
      .fn()
      .mockResolvedValue(
        profileEntityStatus({ namespaces: [migratingStatus] }),
      );
    await render(getEntityStatus);
    await waitFor(() => expect(getEntityStatus).toHaveBeenCalledTimes(1));
  });

  describe('onboarding lifecycle', () => {
    const onboardings = createOnboardings();
    /** Renders the migrating namespace with `lifecycle` as its onboarding. */
    const renderMigratingWith = (lifecycle: OnboardingLifecycle) =>
      renderStatus({
        namespaces: [
          withOnboarding(migratingStatus, knownOnboarding(lifecycle)),
        ],
      });

    it('shows the lifecycle of the namespace above the mesh status', async () => {
      await renderMigratingWith(onboardings.stuck);
      const stages = await screen.findByRole('list', {
        name: 'Onboarding stages',
      });
      expect(within(stages).getByText('Stuck').closest('li')).toHaveAttribute(
        'aria-current',
        'step',
      );
      expect(
        screen.getByRole('link', { name: /#36 kf-mesh: onboard/ }),
      ).toBeInTheDocument();
      expect(screen.getByText('notebook-judy-0')).toBeInTheDocument();
      // the rest of the status is still there
      expect(screen.getAllByText('Migrating').length).toBeGreaterThan(0);
    });

    it('says which wave the namespace belongs to, with a link to the wave task', async () => {
      await renderMigratingWith(
        inWave(onboardings.stuck, {
          id: 'wave-20261201-1640',
          taskId: 'task-7',
        }),
      );
      const wave = (await screen.findByText('Wave', { selector: 'dt' }))
        .nextElementSibling as HTMLElement;
      expect(wave).toHaveTextContent('wave-20261201-1640 (wave task)');
      expect(
        within(wave).getByRole('link', { name: 'wave task' }),
      ).toHaveAttribute('href', '/create/tasks/task-7');
    });

    it('says when the onboarding was not part of a wave', async () => {
      await renderMigratingWith(onboardings.stuck);
      const wave = (await screen.findByText('Wave', { selector: 'dt' }))
        .nextElementSibling as HTMLElement;
      expect(wave).toHaveTextContent('None (onboarded on its own)');
    });

    it('keeps the mesh status when GitHub is unknown', async () => {
      await renderStatus({
        namespaces: [
          withOnboarding(
            ambientStatus,
            unknownOnboarding(onboardings.converged),
          ),
        ],
      });
      expect(
        await screen.findByText(/^Onboarding status unknown since/),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Converged', { selector: 'li' }),
      ).toBeInTheDocument();
      expect(
        screen.getByText(
          'No drift: the namespace matches its onboarding plan.',
        ),
      ).toBeInTheDocument();
    });

    it('shows no onboarding card when no GitOps repository is configured', async () => {
      await renderStatus({
        namespaces: [withOnboarding(ambientStatus, { state: 'disabled' })],
      });
      await screen.findByRole('heading', { name: /kubeflow-alice/ });
      expect(screen.queryByText('Onboarding pull request')).toBeNull();
    });

    it('says when the namespace has no onboarding PR', async () => {
      await renderStatus({
        namespaces: [withOnboarding(noneStatus, { state: 'none' })],
      });
      expect(
        await screen.findByText(
          'No onboarding pull request for this namespace.',
        ),
      ).toBeInTheDocument();
    });
  });
});
