import { InfoCard } from '@backstage/core-components';
import Link from '@material-ui/core/Link';
import type { NamespaceMeshStatus } from '@kf-mesh/plugin-kf-mesh-common';
import { DenseTable } from '../DenseTable';
import { InlineCodeText } from '../InlineCodeText';
import { worstFinding } from '../EntityKfMeshCard/worstFinding';
import { MeshVerdictStatus } from '../MeshVerdictStatus';
import { SeverityStatus } from '../SeverityStatus';

/** Id of the section that shows one namespace, for in-page links. */
export const namespaceSectionId = (
  status: Pick<NamespaceMeshStatus, 'cluster' | 'namespace'>,
) => `kf-mesh-${status.cluster}-${status.namespace}`;

/** In-page link: a plain anchor (the app router would resolve `#id` against `/`). */
function SectionLink(props: { id: string; children: string }) {
  return (
    <Link
      href={`#${props.id}`}
      onClick={(e: React.MouseEvent) => {
        e.preventDefault();
        document
          .getElementById(props.id)
          ?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }}
    >
      {props.children}
    </Link>
  );
}

/**
 * One line per namespace with its mode and worst finding, linking to its
 * section below; shown when an entity maps to several namespaces.
 * @public
 */
export function NamespaceIndex(props: { statuses: NamespaceMeshStatus[] }) {
  return (
    <InfoCard title={`${props.statuses.length} namespaces`}>
      <DenseTable
        label="Namespaces of this entity"
        columns={[
          {
            title: 'Namespace',
            render: s => (
              <SectionLink id={namespaceSectionId(s)}>
                {s.namespace}
              </SectionLink>
            ),
          },
          { title: 'Cluster', nowrap: true, render: s => s.cluster },
          {
            title: 'Mode',
            nowrap: true,
            render: s => <MeshVerdictStatus verdict={s.dataplane.verdict} />,
          },
          {
            title: 'Worst finding',
            render: s => {
              const worst = worstFinding(s.findings);
              return (
                <SeverityStatus severity={worst?.severity ?? null}>
                  {worst ? (
                    <>
                      {worst.code}: <InlineCodeText text={worst.title} />
                    </>
                  ) : undefined}
                </SeverityStatus>
              );
            },
          },
        ]}
        rows={props.statuses}
        rowKey={namespaceSectionId}
      />
    </InfoCard>
  );
}
