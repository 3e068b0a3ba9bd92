import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ControlRow } from '../ControlRow';
import { StatusText } from '../StatusText';
import { selectionSize, type WaveSelectionState } from './waveSelection';

/**
 * Above the fleet table: how many namespaces are selected for a wave, "every namespace matching this filter",
 * clear, and "Start wave" (disabled, with the reason, while nothing is selected). A refused selection says why.
 */
export function WaveSelectionBar(props: {
  state: WaveSelectionState;
  /** Namespaces matching the current filter (all pages). */
  matching: number;
  limit: number;
  onSelectFilter: () => void;
  onClear: () => void;
  onStart: () => void;
}) {
  const { state, matching, limit } = props;
  const size = selectionSize(state.selection);
  const byFilter = state.selection.kind === 'filter';
  return (
    <ControlRow label="Wave selection">
      <Typography variant="body2" aria-live="polite">
        {byFilter &&
          `Every namespace matching this filter: ${size} selected for a wave`}
        {!byFilter &&
          (size === 0
            ? `No namespace selected (a wave takes at most ${limit})`
            : `${size} namespace${
                size === 1 ? '' : 's'
              } selected for a wave (at most ${limit})`)}
      </Typography>
      {!byFilter && (
        <Button variant="outlined" size="small" onClick={props.onSelectFilter}>
          Select every namespace matching this filter ({matching})
        </Button>
      )}
      {size > 0 && (
        <Button size="small" onClick={props.onClear}>
          Clear selection
        </Button>
      )}
      <Button
        variant="contained"
        color="primary"
        size="small"
        disabled={size === 0}
        onClick={props.onStart}
        aria-describedby={size === 0 ? 'kf-mesh-wave-empty' : undefined}
      >
        Start wave
      </Button>
      {size === 0 && (
        <Typography
          id="kf-mesh-wave-empty"
          variant="caption"
          color="textSecondary"
        >
          Select namespaces to start a wave.
        </Typography>
      )}
      {state.refusal && (
        <div role="alert">
          <StatusText kind="error">{state.refusal}</StatusText>
        </div>
      )}
    </ControlRow>
  );
}
