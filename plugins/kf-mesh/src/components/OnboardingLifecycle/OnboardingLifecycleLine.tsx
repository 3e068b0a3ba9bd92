import type { NamespaceOnboardingStatus } from '@kf-mesh/plugin-kf-mesh-common';
import { formatAge } from '../DataFreshness/formatAge';
import { StatusText } from '../StatusText';
import { PullRequestLink, StageStatus } from './OnboardingParts';
import { stageReason } from './onboardingText';

/**
 * The onboarding in one line, for the overview card: stage, PR link and the
 * reason; "unknown since" when GitHub cannot be read. Nothing when no GitOps
 * repository is configured.
 * @public
 */
export function OnboardingLifecycleLine(props: {
  onboarding?: NamespaceOnboardingStatus;
}) {
  const { onboarding } = props;
  if (!onboarding || onboarding.state === 'disabled') return null;
  if (onboarding.state === 'none') {
    return <>No onboarding pull request</>;
  }
  const lifecycle = onboarding.lifecycle;
  return (
    <>
      {onboarding.state === 'unknown' && (
        <StatusText kind="warning">
          Unknown since{' '}
          {onboarding.since ? formatAge(onboarding.since, Date.now()) : 'now'}
          {lifecycle ? ', last known:' : ''}
        </StatusText>
      )}
      {lifecycle && (
        <StageStatus stage={lifecycle.stage}>
          {' '}
          <PullRequestLink pr={lifecycle.pullRequest} withTitle={false} />:{' '}
          {stageReason(lifecycle)}
          {lifecycle.wave ? ` (wave ${lifecycle.wave.id})` : ''}
        </StageStatus>
      )}
    </>
  );
}
