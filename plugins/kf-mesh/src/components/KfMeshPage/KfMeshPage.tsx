import {
  Content,
  Header,
  Page,
  Progress,
  TabbedLayout,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import {
  kfMeshFleetReadPermission,
  MAX_WAVE_NAMESPACES,
} from '@kf-mesh/plugin-kf-mesh-common';
import { useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { isPermissionDenied, kfMeshApiRef } from '../../api';
import {
  FLEET_PAGE_SIZES,
  fleetRequestOf,
  useFleetPage,
} from '../../hooks/useFleetPage';
import { ClusterHealthList } from '../ClusterHealthList';
import { ClusterProblemsPanel } from '../ClusterProblemsPanel';
import { FleetAccessDenied } from '../FleetAccessDenied';
import { FleetFilters } from '../FleetFilters';
import { FleetTable } from '../FleetTable';
import { KfMeshErrorPanel } from '../KfMeshErrorPanel';
import { OnboardingApprovals } from '../OnboardingApprovals';
import {
  EMPTY_SELECTION,
  rowKey,
  selectFilter,
  StartWaveDialog,
  toggleRow,
  toggleRows,
  WaveSelectionBar,
} from '../WaveStart';

/**
 * The fleet view without page chrome, for embedding: filters, the table with
 * readiness for the chosen target mode, and the wave selection ("Start wave").
 * @public
 */
export function KfMeshFleet(props: {
  /** Most namespaces one wave may select; default {@link MAX_WAVE_NAMESPACES}. */
  waveLimit?: number;
}) {
  const waveLimit = props.waveLimit ?? MAX_WAVE_NAMESPACES;
  const api = useApi(kfMeshApiRef);
  const clusters = useAsync(() => api.getClusters(), [api]);
  const fleet = useFleetPage();
  const { state, value } = fleet;
  const clusterNames = clusters.value?.clusters.map(c => c.name) ?? [];
  const request = useMemo(() => fleetRequestOf(state.filters), [state.filters]);
  // A selection belongs to one filter and target: changing them starts over.
  const [wave, setWave] = useState(EMPTY_SELECTION);
  const [starting, setStarting] = useState(false);
  useEffect(() => setWave(EMPTY_SELECTION), [request]);
  const rows = value?.items ?? [];
  const selectedKeys =
    wave.selection.kind === 'rows' ? wave.selection.rows : undefined;
  return (
    <>
      {clusters.value && (
        <ClusterHealthList clusters={clusters.value.clusters} />
      )}
      <FleetFilters
        filters={state.filters}
        clusters={clusterNames}
        onChange={fleet.setFilter}
      />
      {fleet.error && isPermissionDenied(fleet.error) && (
        <Box mb={2}>
          <FleetAccessDenied />
        </Box>
      )}
      {fleet.error && !isPermissionDenied(fleet.error) && (
        <Box mb={2}>
          <KfMeshErrorPanel
            error={fleet.error}
            title="Could not load the fleet"
          />
        </Box>
      )}
      {value && value.problems.length > 0 && (
        <Box mb={2}>
          <ClusterProblemsPanel problems={value.problems} />
        </Box>
      )}
      {!fleet.error && (
        <WaveSelectionBar
          state={wave}
          matching={value?.total ?? 0}
          limit={waveLimit}
          onSelectFilter={() =>
            setWave(w => selectFilter(w, value?.total ?? 0, waveLimit))
          }
          onClear={() => setWave(EMPTY_SELECTION)}
          onStart={() => setStarting(true)}
        />
      )}
      {starting && (
        <StartWaveDialog
          selection={wave.selection}
          request={request}
          target={state.filters.target}
          limit={waveLimit}
          onClose={() => setStarting(false)}
        />
      )}
      {!fleet.error && (
        <FleetTable
          selection={{
            isSelected: item =>
              wave.selection.kind === 'filter' ||
              Boolean(selectedKeys?.has(rowKey(item))),
            isDisabled: () => wave.selection.kind === 'filter',
            onToggle: item => setWave(w => toggleRow(w, item, waveLimit)),
            onToggleAll: select =>
              setWave(w => toggleRows(w, rows, select, waveLimit)),
            rowLabel: item =>
              `Select ${item.namespace} on ${item.cluster} for a wave`,
            allLabel: 'Select every namespace on this page for a wave',
          }}
          items={rows}
          total={value?.total ?? 0}
          page={state.page}
          pageSize={state.pageSize}
          pageSizes={FLEET_PAGE_SIZES}
          hasNextPage={Boolean(value?.nextCursor)}
          loading={fleet.loading}
          sort={state.sort}
          order={state.order}
          onSort={fleet.setSort}
          onPageChange={fleet.goToPage}
          onPageSizeChange={fleet.setPageSize}
        />
      )}
    </>
  );
}

/**
 * Routable page with two tabs: the fleet (every Kubeflow profile namespace on
 * every cluster, with filters, search, ordering and server-side paging) at
 * the page root, and the onboarding approvals queue at `approvals`.
 * Mount it on a route that allows sub-routes (`/kf-mesh`, with `FlatRoutes`
 * or the new frontend system). A user the permission policy denies
 * `kf-mesh.fleet.read` gets an explanation (which permission, who grants it)
 * instead of the tabs.
 * @public
 */
export function KfMeshPage() {
  const fleetRead = usePermission({ permission: kfMeshFleetReadPermission });
  const header = (
    <Header
      title="Istio mesh fleet"
      subtitle="Dataplane mode, waypoint, mTLS and findings of every Kubeflow profile namespace, and the onboarding pull requests"
    />
  );
  // When the permission check itself fails, show the tabs: the backend decides
  // and its 403 gets the same explanation.
  if (fleetRead.loading || (!fleetRead.allowed && !fleetRead.error)) {
    return (
      <Page themeId="tool">
        {header}
        <Content>
          {fleetRead.loading ? <Progress /> : <FleetAccessDenied />}
        </Content>
      </Page>
    );
  }
  return (
    <Page themeId="tool">
      {header}
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Namespaces">
          <KfMeshFleet />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/approvals" title="Approvals">
          <OnboardingApprovals />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
