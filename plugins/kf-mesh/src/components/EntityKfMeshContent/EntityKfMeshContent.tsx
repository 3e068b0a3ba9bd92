import { EmptyState, Progress } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Box from '@material-ui/core/Box';
import { isPermissionDenied } from '../../api';
import { isKfMeshAvailable, KF_MESH_ANNOTATIONS } from '../../conditions';
import { useEntityMeshStatus } from '../../hooks/useEntityMeshStatus';
import { ClusterProblemsPanel } from '../ClusterProblemsPanel';
import { KfMeshErrorPanel } from '../KfMeshErrorPanel';
import { NamespaceMeshStatusView } from '../NamespaceMeshStatusView';
import { NamespaceIndex } from '../NamespaceIndex';
import type { Entity } from '@backstage/catalog-model';

function EntityMeshStatus(props: { entity: Entity }) {
  const { value, loading, error, retry } = useEntityMeshStatus(props.entity);
  if (loading && !value) return <Progress />;
  if (error) {
    return (
      <>
        <KfMeshErrorPanel error={error} />
        {!isPermissionDenied(error) && (
          <Box mt={2}>
            <Button variant="outlined" onClick={retry}>
              Retry
            </Button>
          </Box>
        )}
      </>
    );
  }
  if (!value) return null;
  return (
    <>
      <ClusterProblemsPanel problems={value.problems} />
      {value.namespaces.length === 0 && value.problems.length === 0 && (
        <EmptyState
          missing="data"
          title="No namespace found"
          description="The kf-mesh backend found no namespace for this entity on any configured cluster. Check the backstage.io/kubernetes-namespace and backstage.io/kubernetes-cluster annotations."
        />
      )}
      {value.namespaces.length > 1 && (
        <Box mb={3}>
          <NamespaceIndex statuses={value.namespaces} />
        </Box>
      )}
      {value.namespaces.map(status => (
        <NamespaceMeshStatusView
          key={`${status.cluster}/${status.namespace}`}
          status={status}
          entityRef={value.entityRef}
        />
      ))}
    </>
  );
}

/**
 * Entity tab: the mesh status of every namespace the entity maps to,
 * possibly on several clusters.
 * @public
 */
export function EntityKfMeshContent() {
  const { entity } = useEntity();
  if (!isKfMeshAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={[
          KF_MESH_ANNOTATIONS.namespace,
          KF_MESH_ANNOTATIONS.profile,
        ]}
      />
    );
  }
  return (
    <Box mt={2}>
      <EntityMeshStatus entity={entity} />
    </Box>
  );
}
