import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { OnboardingLifecycle } from '@kf-mesh/plugin-kf-mesh-common';
import {
  approvedOlderRevision,
  createOnboardings,
  knownOnboarding,
  unknownOnboarding,
} from '../../__fixtures__/onboardings';
import { OnboardingLifecycleCard } from './OnboardingLifecycle';
import { OnboardingLifecycleLine } from './OnboardingLifecycleLine';

const fixtures = createOnboardings();

const stages = () =>
  within(screen.getByRole('list', { name: 'Onboarding stages' }))
    .getAllByRole('listitem')
    .map(li => ({
      label: li.textContent,
      current: li.getAttribute('aria-current') === 'step',
    }));

const currentStage = () => stages().find(s => s.current)?.label;

/** Renders the onboarding card of a lifecycle GitHub answered for. */
const renderCardOf = (lifecycle: OnboardingLifecycle) =>
  renderInTestApp(
    <OnboardingLifecycleCard onboarding={knownOnboarding(lifecycle)} />,
  );

const fact = (term: string) => {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
};

describe('OnboardingLifecycleCard', () => {
  it('shows an open PR in review: stage, GitHub link, reviewers asked, pending checks, risk', async () => {
    await renderCardOf(fixtures.inReview);
    expect(currentStage()).toBe('In review');
    expect(stages().map(s => s.label)).toEqual([
      'Requested',
      'In review',
      'Merged',
      'Converging',
      'Converged',
    ]);
    const link = screen.getByRole('link', { name: /#41 kf-mesh: onboard/ });
    expect(link).toHaveAttribute(
      'href',
      'https://github.example.com/kubeflow-platform/gitops/pull/41',
    );
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
    expect(fact('State')).toHaveTextContent('Open');
    expect(fact('Review requested from')).toHaveTextContent(
      'carol-sre, @kubeflow-platform',
    );
    expect(fact('Approvals')).toHaveTextContent('None');
    expect(fact('Checks')).toHaveTextContent('1 of 2 pending: kubeconform');
    expect(fact('Opened')).toHaveTextContent('3 hours ago by kf-mesh-bot');
    expect(fact('Risk')).toHaveTextContent(
      'Low risk: 3 pods to restart, 0 deletions',
    );
    expect(screen.queryByRole('region', { name: 'Convergence' })).toBeNull();
  });

  it('shows who approved', async () => {
    await renderCardOf(fixtures.approved);
    expect(fact('State')).toHaveTextContent('Approved');
    expect(fact('Approvals')).toHaveTextContent('platform-lead');
    expect(fact('Checks')).toHaveTextContent('2 checks passed');
    expect(
      within(screen.getByRole('list', { name: 'Risk notes' })).getAllByRole(
        'listitem',
      )[1],
    ).toHaveTextContent(/deletes AuthorizationPolicy ns-owner-access-istio/);
  });

  it('says an approval was for an older revision, and does not count it', async () => {
    await renderCardOf(approvedOlderRevision(fixtures.approved));
    expect(fact('State')).toHaveTextContent('Open');
    expect(fact('Approvals')).toHaveTextContent('None');
    expect(fact('Approved an older revision')).toHaveTextContent(
      /^platform-lead$/,
    );
  });

  it('shows who requested changes, apart from comments', async () => {
    await renderCardOf(fixtures.changesRequested);
    expect(fact('State')).toHaveTextContent('Changes requested');
    expect(fact('Changes requested by')).toHaveTextContent(/^sec-reviewer$/);
    expect(fact('Target mode')).toHaveTextContent('Sidecar STRICT');
    expect(fact('Risk')).toHaveTextContent(/High risk: 7 pods to restart/);
  });

  it('shows a merged PR still converging: missing waypoint, labels, time since merge', async () => {
    await renderCardOf(fixtures.converging);
    expect(currentStage()).toBe('Converging');
    const convergence = within(
      screen.getByRole('region', { name: 'Convergence' }),
    );
    expect(
      screen.getByText(
        'Converging: merged 5 min ago: waypoint kubeflow-bob/waypoint not created yet',
      ),
    ).toBeInTheDocument();
    expect(convergence.getByText(/^5 minutes ago \(/)).toBeInTheDocument();
    expect(
      convergence.getByText('waypoint: does not exist yet'),
    ).toBeInTheDocument();
    const objects = screen.getByRole('table', {
      name: 'Planned objects in the cluster',
    });
    const gatewayRow = within(objects)
      .getByText('Gateway kubeflow-bob/waypoint')
      .closest('tr')!;
    expect(within(gatewayRow).getByText('Missing')).toBeInTheDocument();
    const labels = screen.getByRole('table', {
      name: 'Namespace labels expected and actual',
    });
    expect(within(labels).getAllByText('absent')).toHaveLength(2);
    expect(fact('Pods on the old dataplane')).toHaveTextContent('None');
  });

  it('shows a stuck onboarding with the reason and the pods to restart by name', async () => {
    await renderCardOf(fixtures.stuck);
    expect(currentStage()).toBe('Stuck');
    expect(
      screen.getAllByText(
        /merged 40 min ago, 3 pods still have sidecars: restart them/,
      ).length,
    ).toBeGreaterThan(0);
    const pods = within(screen.getByRole('list', { name: 'Pods to restart' }))
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(pods).toEqual([
      'ml-pipeline-ui-artifact-5f7d9-x2x8q',
      'ml-pipeline-visualizationserver-6c4b7-9kzrt',
      'notebook-judy-0',
    ]);
    const labels = screen.getByRole('table', {
      name: 'Namespace labels expected and actual',
    });
    const injection = within(labels)
      .getByText('istio-injection')
      .closest('tr')!;
    expect(within(injection).getByText('No')).toBeInTheDocument();
    expect(within(injection).getByText('enabled')).toBeInTheDocument();
    const policyRow = screen
      .getByText('AuthorizationPolicy kubeflow-judy/ns-owner-access-waypoint')
      .closest('tr')!;
    expect(within(policyRow).getByText('Different')).toBeInTheDocument();
    expect(
      within(policyRow).getByText('targetRefs point at Gateway waypoint-old'),
    ).toBeInTheDocument();
  });

  it('says when the waypoint is not Programmed', async () => {
    await renderCardOf(fixtures.waypointStuck);
    expect(
      screen.getByText('waypoint: not Programmed (AddressNotAssigned)'),
    ).toBeInTheDocument();
  });

  it('shows a converged onboarding as done', async () => {
    await renderCardOf(fixtures.converged);
    expect(currentStage()).toBe('Converged');
    expect(
      screen.getByText(
        'Converged: every planned object and label is in place, all pods run ambient',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('waypoint: Programmed')).toBeInTheDocument();
  });

  it('shows a PR closed without merge', async () => {
    await renderCardOf(fixtures.closed);
    expect(stages().map(s => s.label)).toEqual([
      'Requested',
      'In review',
      'Closed without merge',
    ]);
    expect(currentStage()).toBe('Closed without merge');
    expect(fact('State')).toHaveTextContent('Closed');
    expect(screen.queryByText('Review requested from')).toBeNull();
  });

  it('says "unknown since T" and keeps the last known lifecycle', async () => {
    const onboarding = unknownOnboarding(fixtures.approved);
    await renderInTestApp(<OnboardingLifecycleCard onboarding={onboarding} />);
    expect(
      screen.getByText(
        new RegExp(
          `^Onboarding status unknown since ${onboarding
            .since!.slice(0, 16)
            .replace(
              'T',
              ' ',
            )} UTC \\(12 minutes ago\\): GitHub rate limit exceeded`,
        ),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Last known state, from before GitHub stopped answering/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /#42 kf-mesh: onboard kubeflow-frank/ }),
    ).toBeInTheDocument();
  });

  it('says "unknown since T" with no lifecycle known', async () => {
    await renderInTestApp(
      <OnboardingLifecycleCard onboarding={unknownOnboarding()} />,
    );
    expect(
      screen.getByText(/^Onboarding status unknown since/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No earlier state is known/)).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Onboarding stages' }),
    ).toBeNull();
  });

  it('says when there is no onboarding PR', async () => {
    await renderInTestApp(
      <OnboardingLifecycleCard onboarding={{ state: 'none' }} />,
    );
    expect(
      screen.getByText('No onboarding pull request for this namespace.'),
    ).toBeInTheDocument();
  });

  it('renders nothing when no GitOps repository is configured', async () => {
    const { container } = await renderInTestApp(
      <OnboardingLifecycleCard onboarding={{ state: 'disabled' }} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('OnboardingLifecycleLine', () => {
  it('is one line with the stage, the PR link and the reason', async () => {
    await renderInTestApp(
      <OnboardingLifecycleLine onboarding={knownOnboarding(fixtures.stuck)} />,
    );
    expect(
      screen.getByText((_, el) =>
        Boolean(
          el?.tagName === 'SPAN' &&
            /^Stuck #36: merged 40 min ago/.test(el.textContent ?? '') &&
            // the stage, the link and the reason in one inline box (as separate flex items their spaces collapse)
            [...el.children].some(child => child.tagName === 'A'),
        ),
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '#36' })).toHaveAttribute(
      'href',
      fixtures.stuck.pullRequest.url,
    );
    expect(
      screen.getByText(/merged 40 min ago, 3 pods still have sidecars/),
    ).toBeInTheDocument();
  });

  it('says unknown since, then the last known stage', async () => {
    await renderInTestApp(
      <OnboardingLifecycleLine
        onboarding={unknownOnboarding(fixtures.inReview)}
      />,
    );
    expect(
      screen.getByText('Unknown since 12 minutes ago, last known:'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^In review/)).toBeInTheDocument();
  });

  it('renders nothing when disabled', async () => {
    const { container } = await renderInTestApp(
      <OnboardingLifecycleLine onboarding={{ state: 'disabled' }} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
