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
import { kfMeshFleetReadPermission } from '@kf-mesh/plugin-kf-mesh-common';
import useAsync from 'react-use/esm/useAsync';
import { isPermissionDenied, kfMeshApiRef } from '../../api';
import { FLEET_PAGE_SIZES, useFleetPage } from '../../hooks/useFleetPage';
import { ClusterHealthList } from '../ClusterHealthList';
import { ClusterProblemsPanel } from '../ClusterProblemsPanel';
import { FleetAccessDenied } from '../FleetAccessDenied';
import { FleetFilters } from '../FleetFilters';
import { FleetTable } from '../FleetTable';
import { KfMeshErrorPanel } from '../KfMeshErrorPanel';
import { OnboardingApprovals } from '../OnboardingApprovals';

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
