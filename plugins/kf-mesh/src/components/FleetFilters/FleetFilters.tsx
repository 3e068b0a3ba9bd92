import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { READINESS_STATES } from '@kf-mesh/plugin-kf-mesh-common';
import {
  type FleetFilters as Filters,
  TARGET_MODES,
} from '../../hooks/useFleetPage';
import { ControlRow } from '../ControlRow';
import { FilterSelect } from '../FilterSelect';
import { verdictLabels } from '../MeshVerdictStatus';
import { targetModeLabels } from '../OnboardingLifecycle';
import { readinessLabels } from '../ReadinessStatus';

/** The backend filters on "at least this severe". */
const severityFilterOptions = [
  { value: 'error', label: 'Error' },
  { value: 'warning', label: 'Warning or worse' },
  { value: 'info', label: 'Any finding' },
];

/** Milliseconds the search box waits after typing before querying. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * Filters of the fleet page: cluster, mode, worst severity, readiness for a
 * target mode and a search on namespace or owner (debounced, sent to the
 * server).
 * @public
 */
export function FleetFilters(props: {
  filters: Filters;
  clusters: string[];
  onChange: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
}) {
  const { filters, clusters, onChange } = props;
  const [search, setSearch] = useState(filters.q);
  useDebounce(() => onChange('q', search.trim()), SEARCH_DEBOUNCE_MS, [search]);
  return (
    <ControlRow>
      <TextField
        id="kf-mesh-fleet-search"
        label="Search namespace or owner"
        value={search}
        onChange={e => setSearch(e.target.value)}
        variant="outlined"
        size="small"
        type="search"
        style={{ minWidth: 280 }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon aria-hidden />
            </InputAdornment>
          ),
        }}
      />
      <FilterSelect
        label="Cluster"
        value={filters.cluster}
        allLabel="All clusters"
        options={clusters.map(c => ({ value: c, label: c }))}
        onChange={v => onChange('cluster', v)}
      />
      <FilterSelect
        label="Mode"
        value={filters.mode}
        allLabel="All modes"
        options={Object.entries(verdictLabels).map(([value, label]) => ({
          value,
          label,
        }))}
        onChange={v => onChange('mode', v)}
      />
      <FilterSelect
        label="Worst finding"
        value={filters.severity}
        allLabel="Any, or none"
        options={severityFilterOptions}
        onChange={v => onChange('severity', v)}
      />
      <FilterSelect
        label="Readiness for"
        value={filters.target}
        options={TARGET_MODES.map(m => ({
          value: m,
          label: targetModeLabels[m],
        }))}
        onChange={v =>
          onChange('target', TARGET_MODES.find(m => m === v) ?? TARGET_MODES[0])
        }
      />
      <FilterSelect
        label="Readiness"
        value={filters.readiness}
        allLabel="Any readiness"
        options={READINESS_STATES.map(r => ({
          value: r,
          label: readinessLabels[r],
        }))}
        onChange={v => onChange('readiness', v)}
      />
    </ControlRow>
  );
}
