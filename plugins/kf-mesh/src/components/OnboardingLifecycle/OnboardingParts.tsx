import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import RemoveCircleIcon from '@material-ui/icons/RemoveCircle';
import TimelapseIcon from '@material-ui/icons/Timelapse';
import type { ReactNode } from 'react';
import type {
  OnboardingChecks,
  OnboardingPullRequest,
  OnboardingRisk,
  OnboardingStage,
} from '@kf-mesh/plugin-kf-mesh-common';
import { formatAge, formatUtc } from '../DataFreshness/formatAge';
import { StatusText } from '../StatusText';
import {
  checksKinds,
  checksSummary,
  prStateKinds,
  prStateLabels,
  riskFacts,
  riskKinds,
  stageKinds,
  stageLabels,
} from './onboardingText';

/** The pull request as a link to GitHub (new tab): `#42 title`. */
export function PullRequestLink(props: {
  pr: OnboardingPullRequest;
  /** Show the title after the number (default true). */
  withTitle?: boolean;
}) {
  const { pr, withTitle = true } = props;
  return (
    <Link
      href={pr.url}
      target="_blank"
      rel="noopener noreferrer"
      title={`Open pull request #${pr.number} of ${pr.repository} on ${pr.host}`}
    >
      #{pr.number}
      {withTitle ? ` ${pr.title}` : ''}
    </Link>
  );
}

export function PullRequestState(props: { pr: OnboardingPullRequest }) {
  const { state } = props.pr;
  return (
    <StatusText kind={prStateKinds[state]}>{prStateLabels[state]}</StatusText>
  );
}

/** The stage as icon and text; `children` follow on the same line. */
export function StageStatus(props: {
  stage: OnboardingStage;
  children?: ReactNode;
}) {
  return (
    <StatusText kind={stageKinds[props.stage]}>
      {stageLabels[props.stage]}
      {props.children}
    </StatusText>
  );
}

export function ChecksStatus(props: { checks: OnboardingChecks }) {
  return (
    <StatusText kind={checksKinds[props.checks.state]}>
      {checksSummary(props.checks)}
    </StatusText>
  );
}

export function RiskStatus(props: { risk: OnboardingRisk }) {
  const { risk } = props;
  return (
    <StatusText kind={riskKinds[risk.level]}>
      {risk.level[0].toUpperCase()}
      {risk.level.slice(1)} risk: {riskFacts(risk)}
    </StatusText>
  );
}

/** "3 hours ago" with the UTC time as tooltip. */
export function Age(props: { iso: string; now?: number }) {
  return (
    <time dateTime={props.iso} title={formatUtc(props.iso)}>
      {formatAge(props.iso, props.now ?? Date.now())}
    </time>
  );
}

const useStepperStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    listStyle: 'none',
    margin: 0,
    padding: 0,
    gap: theme.spacing(1),
  },
  step: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.text.secondary,
    '&:not(:last-child)::after': {
      content: '"→"',
      marginLeft: theme.spacing(1),
      color: theme.palette.text.disabled,
    },
  },
  done: { color: theme.palette.text.primary },
  current: { color: theme.palette.text.primary, fontWeight: 600 },
  icon: { fontSize: '1.1rem' },
  ok: { color: theme.palette.success?.main ?? theme.palette.primary.main },
  error: { color: theme.palette.error.main },
  pending: { color: theme.palette.info?.main ?? theme.palette.primary.main },
}));

type StepState = 'done' | 'current' | 'todo' | 'failed';

/** The steps shown for a stage: the happy path, ending in stuck or closed when it went wrong. */
function stepsFor(
  stage: OnboardingStage,
): Array<{ label: string; state: StepState }> {
  const happy = ['Requested', 'In review', 'Merged', 'Converging', 'Converged'];
  const currentIndex: Record<OnboardingStage, number> = {
    'in-review': 1,
    merged: 2,
    converging: 3,
    converged: 4,
    stuck: 4,
    closed: 2,
  };
  if (stage === 'closed') {
    return [
      { label: 'Requested', state: 'done' },
      { label: 'In review', state: 'done' },
      { label: 'Closed without merge', state: 'failed' },
    ];
  }
  const current = currentIndex[stage];
  return happy.map((label, i) => {
    if (stage === 'stuck' && i === current)
      return { label: 'Stuck', state: 'failed' };
    if (stage === 'converged' && i === current) return { label, state: 'done' };
    if (i < current) return { label, state: 'done' };
    return { label, state: i === current ? 'current' : 'todo' };
  });
}

/**
 * Requested → in review → merged → converging → converged (or stuck / closed),
 * as an ordered list: the current step has `aria-current="step"`.
 */
export function OnboardingStepper(props: { stage: OnboardingStage }) {
  const classes = useStepperStyles();
  const steps = stepsFor(props.stage);
  const currentIndex = Math.max(
    steps.findIndex(s => s.state === 'current' || s.state === 'failed'),
    props.stage === 'converged' ? steps.length - 1 : -1,
  );
  return (
    <ol className={classes.list} aria-label="Onboarding stages">
      {steps.map((step, i) => {
        const isCurrent = i === currentIndex;
        let icon = (
          <RadioButtonUncheckedIcon className={classes.icon} aria-hidden />
        );
        if (step.state === 'done') {
          icon = (
            <CheckCircleIcon
              className={`${classes.icon} ${classes.ok}`}
              aria-hidden
            />
          );
        } else if (step.state === 'current') {
          icon = (
            <TimelapseIcon
              className={`${classes.icon} ${classes.pending}`}
              aria-hidden
            />
          );
        } else if (step.state === 'failed') {
          icon =
            props.stage === 'closed' ? (
              <RemoveCircleIcon className={classes.icon} aria-hidden />
            ) : (
              <ErrorIcon
                className={`${classes.icon} ${classes.error}`}
                aria-hidden
              />
            );
        }
        let stateClass = '';
        if (isCurrent) stateClass = classes.current;
        else if (step.state === 'done') stateClass = classes.done;
        return (
          <Typography
            component="li"
            variant="body2"
            key={step.label}
            className={`${classes.step} ${stateClass}`}
            aria-current={isCurrent ? 'step' : undefined}
          >
            {icon}
            {step.label}
          </Typography>
        );
      })}
    </ol>
  );
}
