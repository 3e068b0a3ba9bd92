import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import {
  type FleetResponse,
  type FleetSortField,
  type OnboardingTargetMode,
  READINESS_STATES,
  type ReadinessState,
} from '@kf-mesh/plugin-kf-mesh-common';
import { type FleetRequest, kfMeshApiRef } from '../api';

/** Filters of the fleet page; empty string = no filter. */
export interface FleetFilters {
  cluster: string;
  mode: string;
  severity: string;
  q: string;
  /** The target mode the readiness column (and a wave) is for; never empty. */
  target: OnboardingTargetMode;
  /** One readiness state, or empty for all. */
  readiness: string;
}

/** Target modes a wave can move to (the onboarding template's modes). */
export const TARGET_MODES: readonly OnboardingTargetMode[] = [
  'ambient',
  'sidecar-strict',
];

/** The fleet query of a set of filters (without ordering and paging). */
export function fleetRequestOf(filters: FleetFilters): FleetRequest {
  const readiness = READINESS_STATES.find(r => r === filters.readiness);
  return {
    cluster: filters.cluster,
    mode: filters.mode,
    severity: filters.severity,
    q: filters.q,
    target: filters.target,
    readiness: readiness ? [readiness as ReadinessState] : [],
  };
}

/** Page sizes offered by the fleet table. */
export const FLEET_PAGE_SIZES = [25, 50, 100];

interface PageState {
  filters: FleetFilters;
  sort: FleetSortField;
  order: 'asc' | 'desc';
  pageSize: number;
  page: number;
  /** `cursors[i]` fetches page `i`; filled in as pages load. */
  cursors: Array<string | undefined>;
}

const sortFields: FleetSortField[] = [
  'namespace',
  'cluster',
  'verdict',
  'severity',
];

/** Filters and ordering from the page URL, so a filtered view can be shared. */
function stateFromUrl(params: URLSearchParams): PageState {
  const sort = params.get('sort') as FleetSortField | null;
  return {
    filters: {
      cluster: params.get('cluster') ?? '',
      mode: params.get('mode') ?? '',
      severity: params.get('severity') ?? '',
      q: params.get('q') ?? '',
      target:
        TARGET_MODES.find(m => m === params.get('target')) ?? TARGET_MODES[0],
      readiness: params.get('readiness') ?? '',
    },
    sort: sort && sortFields.includes(sort) ? sort : 'namespace',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    pageSize: FLEET_PAGE_SIZES[0],
    page: 0,
    cursors: [undefined],
  };
}

function urlFromState(state: PageState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters)) {
    if (value && !(key === 'target' && value === TARGET_MODES[0]))
      params.set(key, value);
  }
  if (state.sort !== 'namespace') params.set('sort', state.sort);
  if (state.order !== 'asc') params.set('order', state.order);
  return params;
}

/**
 * State and data of the fleet page: filters, ordering and cursor paging all
 * happen on the server; filters and ordering are mirrored in the URL; only one page of rows is ever in the browser. The
 * previous page stays on screen while the next one loads.
 */
export function useFleetPage() {
  const api = useApi(kfMeshApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const [state, setState] = useState<PageState>(() =>
    stateFromUrl(searchParams),
  );
  const urlQuery = urlFromState(state).toString();
  useEffect(() => {
    setSearchParams(new URLSearchParams(urlQuery), { replace: true });
  }, [urlQuery, setSearchParams]);
  const lastValue = useRef<FleetResponse | undefined>(undefined);

  const cursor = state.cursors[state.page];
  const { filters, sort, order, pageSize } = state;
  const result = useAsync(async () => {
    const response = await api.getFleet({
      ...fleetRequestOf(filters),
      sort,
      order,
      limit: pageSize,
      cursor,
    });
    lastValue.current = response;
    return response;
  }, [api, filters, sort, order, pageSize, cursor]);

  const page = state.page;
  const nextCursor = result.value?.nextCursor;

  const setFilter = useCallback(
    <K extends keyof FleetFilters>(key: K, value: FleetFilters[K]) =>
      setState(s =>
        s.filters[key] === value
          ? s
          : {
              ...s,
              filters: { ...s.filters, [key]: value },
              page: 0,
              cursors: [undefined],
            },
      ),
    [],
  );

  const setSort = useCallback(
    (field: FleetSortField) =>
      setState(s => ({
        ...s,
        sort: field,
        order: s.sort === field && s.order === 'asc' ? 'desc' : 'asc',
        page: 0,
        cursors: [undefined],
      })),
    [],
  );

  const setPageSize = useCallback(
    (size: number) =>
      setState(s => ({ ...s, pageSize: size, page: 0, cursors: [undefined] })),
    [],
  );

  const goToPage = useCallback(
    (target: number) =>
      setState(s => {
        if (target < s.page) return { ...s, page: Math.max(0, target) };
        if (target === s.page + 1 && nextCursor && s.page === page) {
          const cursors = s.cursors.slice(0, s.page + 1);
          cursors[s.page + 1] = nextCursor;
          return { ...s, page: target, cursors };
        }
        return s;
      }),
    [nextCursor, page],
  );

  return {
    state,
    value: result.value ?? lastValue.current,
    loading: result.loading,
    error: result.error,
    setFilter,
    setSort,
    setPageSize,
    goToPage,
  };
}
