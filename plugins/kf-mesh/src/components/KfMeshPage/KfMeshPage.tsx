import { Content, Header, Page } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import { kfMeshApiRef } from '../../api';
import { FLEET_PAGE_SIZES, useFleetPage } from '../../hooks/useFleetPage';
import { ClusterHealthList } from '../ClusterHealthList';
import { ClusterProblemsPanel } from '../ClusterProblemsPanel';
import { FleetFilters } from '../FleetFilters';
import { FleetTable } from '../FleetTable';
import { KfMeshErrorPanel } from '../KfMeshErrorPanel';

/**
 * The fleet view without page chrome, for embedding.
 * @public
 */
export function KfMeshFleet() {
  const api = useApi(kfMeshApiRef);
  const clusters = useAsync(() => api.getClusters(), [api]);
  const fleet = useFleetPage();
  const { state, value } = fleet;
  const clusterNames = clusters.value?.clusters.map(c => c.name) ?? [];
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
      {fleet.error && (
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
        <FleetTable
          items={value?.items ?? []}
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
 * Routable page: every Kubeflow profile namespace on every cluster, with
 * filters, search, ordering and server-side paging.
 * @public
 */
export function KfMeshPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Istio mesh fleet"
        subtitle="Dataplane mode, waypoint, mTLS and findings of every Kubeflow profile namespace"
      />
      <Content>
        <KfMeshFleet />
      </Content>
    </Page>
  );
}
