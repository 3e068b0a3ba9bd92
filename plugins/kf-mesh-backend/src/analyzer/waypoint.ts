import type {
  DataplaneIntent,
  MeshFinding,
  NamespaceWaypointStatus,
  WaypointEnrollment,
  WaypointInfo,
  WaypointTrafficType,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  isWaypointGatewayClass,
  MESH_LABELS,
} from '@kf-mesh/plugin-kf-mesh-common';
import { finding } from './finding';
import type {
  GatewayProjection,
  Labels,
  PodProjection,
  ServiceProjection,
} from '../model';

/**
 * A Gateway is a waypoint when its class is `istio-waypoint` or `istio-agentgateway-waypoint`
 * (docs/mesh-semantics.md#b3, #e4).
 */
export function isWaypoint(gw: GatewayProjection): boolean {
  return isWaypointGatewayClass(gw.gatewayClassName);
}

/** `istio.io/waypoint-for` of a waypoint; Istio's default is `service`. */
export function waypointTrafficType(
  gw: GatewayProjection,
): WaypointTrafficType {
  const value = gw.labels[MESH_LABELS.waypointFor];
  return value === 'workload' || value === 'all' || value === 'none'
    ? value
    : 'service';
}

function programmedState(gw: GatewayProjection): WaypointInfo['programmed'] {
  if (!gw.programmed) return 'unknown';
  return gw.programmed.status === 'True' ? 'true' : 'false';
}

const KIND_OF_SOURCE = {
  namespace: 'Namespace',
  service: 'Service',
  pod: 'Pod',
} as const;

/** Which traffic types a waypoint must accept for an enrollment source (docs/mesh-semantics.md#b2). */
const ACCEPTED_TYPES: Record<
  WaypointEnrollment['source'],
  WaypointTrafficType[]
> = {
  namespace: ['service', 'workload', 'all', 'none'],
  service: ['service', 'all'],
  pod: ['workload', 'all'],
};

/** Projection of a waypoint Gateway for the API. */
export function toWaypointInfo(gw: GatewayProjection): WaypointInfo {
  return {
    name: gw.name,
    namespace: gw.namespace,
    trafficType: waypointTrafficType(gw),
    programmed: programmedState(gw),
    ...(gw.programmed?.reason
      ? { programmedReason: gw.programmed.reason }
      : {}),
  };
}

/** Inputs of the waypoint analysis. */
export interface WaypointInputs {
  namespace: string;
  nsLabels: Labels;
  intent: DataplaneIntent;
  services: ServiceProjection[];
  pods: PodProjection[];
  /** Gateways of this namespace and of namespaces named by `istio.io/use-waypoint-namespace`. */
  gateways: GatewayProjection[];
  /** The namespace's `istio.io/use-waypoint-canary-weight` annotation. */
  nsCanaryWeight?: string;
}

/**
 * The weighted canary of an enrollment (Istio 1.31, `pilot/pkg/serviceregistry/ambient/waypoints.go`
 * `getUseWaypointCanary`, `getCanaryWeight`, `resolveCanaryWaypoint`; docs/mesh-semantics.md#e2):
 * the canary must differ from the primary, the weight must be an integer 0-100 (absent = 0), and the
 * canary waypoint must exist and accept service traffic; otherwise istiod keeps the primary only.
 */
function canaryOf(
  item: { labels: Labels; canaryWeight?: string },
  primary: string,
  primaryNamespace: string,
  waypoints: GatewayProjection[],
  namespace: string,
): WaypointEnrollment['canary'] | undefined {
  const name = item.labels[MESH_LABELS.useWaypointCanary];
  if (!name || name === 'none') return undefined;
  const canaryNamespace =
    item.labels[MESH_LABELS.useWaypointCanaryNamespace] ?? namespace;
  const raw = item.canaryWeight;
  const valid = raw === undefined || /^\d+$/.test(raw);
  const parsed = raw === undefined ? 0 : Number(raw);
  const weightOk = valid && parsed >= 0 && parsed <= 100;
  const target = waypoints.find(
    w => w.name === name && w.namespace === canaryNamespace,
  );
  let problem: string | undefined;
  if (name === primary && canaryNamespace === primaryNamespace)
    problem = 'CanarySameAsPrimary';
  else if (!weightOk) problem = 'CanaryInvalidWeight';
  else if (!target) problem = 'WaypointIsNotReady: canary not found';
  else if (!['service', 'all'].includes(waypointTrafficType(target)))
    problem = `UnsupportedTrafficType: waypoint-for=${waypointTrafficType(
      target,
    )}`;
  return {
    waypoint: name,
    waypointNamespace: canaryNamespace,
    weight: problem ? 0 : parsed,
    ...(raw !== undefined ? { weightAnnotation: raw } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** Result of the waypoint analysis. */
export interface WaypointAnalysis {
  status: NamespaceWaypointStatus;
  findings: MeshFinding[];
}

/**
 * Waypoint enrollment (pilot/pkg/serviceregistry/ambient/waypoints.go): the
 * `istio.io/use-waypoint` label on namespace, Service or pod, `none` opts out;
 * `istio.io/use-waypoint-namespace` picks the waypoint's namespace. A Service
 * binds only to `service`/`all` waypoints, a pod only to `workload`/`all`.
 */
export function analyzeWaypoints(input: WaypointInputs): WaypointAnalysis {
  const { namespace, nsLabels } = input;
  const findings: MeshFinding[] = [];
  const waypoints = input.gateways.filter(isWaypoint);
  const own = waypoints.filter(w => w.namespace === namespace);

  const labelled: Array<{
    source: WaypointEnrollment['source'];
    name: string;
    labels: Labels;
    canaryWeight?: string;
  }> = [];
  if (nsLabels[MESH_LABELS.useWaypoint] !== undefined) {
    labelled.push({
      source: 'namespace',
      name: namespace,
      labels: nsLabels,
      canaryWeight: input.nsCanaryWeight,
    });
  }
  for (const svc of input.services) {
    if (svc.labels[MESH_LABELS.useWaypoint] !== undefined)
      labelled.push({
        source: 'service',
        name: svc.name,
        labels: svc.labels,
        canaryWeight: svc.canaryWeight,
      });
  }
  for (const pod of input.pods) {
    if (pod.labels[MESH_LABELS.useWaypoint] !== undefined)
      labelled.push({ source: 'pod', name: pod.name, labels: pod.labels });
  }

  const enrollments: WaypointEnrollment[] = [];
  for (const item of labelled) {
    const waypoint = item.labels[MESH_LABELS.useWaypoint];
    const waypointNamespace =
      item.labels[MESH_LABELS.useWaypointNamespace] ?? namespace;
    const enrollment: WaypointEnrollment = {
      source: item.source,
      objectName: item.name,
      waypoint,
      waypointNamespace,
      resolved: true,
    };
    const objectRef = {
      kind: KIND_OF_SOURCE[item.source],
      namespace,
      name: item.name,
    };
    if (waypoint !== 'none') {
      const target = waypoints.find(
        w => w.name === waypoint && w.namespace === waypointNamespace,
      );
      if (!target) {
        enrollment.resolved = false;
        enrollment.problem = `waypoint ${waypointNamespace}/${waypoint} not found`;
        findings.push(
          finding(
            'KFM201',
            `${objectRef.kind} ${item.name} uses waypoint ${waypointNamespace}/${waypoint}, which does not exist.`,
            objectRef,
          ),
        );
      } else {
        const type = waypointTrafficType(target);
        const accepts = ACCEPTED_TYPES[item.source].includes(type);
        if (!accepts) {
          enrollment.resolved = false;
          enrollment.problem = `UnsupportedTrafficType: waypoint-for=${type}`;
          findings.push(
            finding(
              'KFM205',
              `${objectRef.kind} ${item.name} is labelled to use waypoint ${waypoint}, which is istio.io/waypoint-for=${type}.`,
              objectRef,
            ),
          );
        } else if (target.programmed?.status !== 'True') {
          enrollment.resolved = false;
          enrollment.problem = 'WaypointIsNotReady';
        }
      }
    }
    // Canaries are read for Services and namespaces, from the level that names the primary (waypoints.go).
    if (waypoint !== 'none' && item.source !== 'pod') {
      const canary = canaryOf(
        item,
        waypoint,
        waypointNamespace,
        waypoints,
        namespace,
      );
      if (canary) {
        enrollment.canary = canary;
        if (canary.problem)
          findings.push(
            finding(
              'KFM208',
              `${objectRef.kind} ${item.name}: canary waypoint ${canary.waypointNamespace}/${canary.waypoint} is not used (${canary.problem}); all traffic stays on ${waypointNamespace}/${waypoint}.`,
              objectRef,
            ),
          );
      }
    }
    enrollments.push(enrollment);
  }

  // A Service enrolled through its namespace may name its own canary (waypoints.go buildWeightedWaypoints:
  // the canary label and weight are read from the object first, then from the namespace).
  const nsEnrollment = enrollments.find(e => e.source === 'namespace');
  if (nsEnrollment && nsEnrollment.waypoint !== 'none') {
    for (const svc of input.services) {
      if (
        svc.labels[MESH_LABELS.useWaypoint] !== undefined ||
        svc.labels[MESH_LABELS.useWaypointCanary] === undefined
      )
        continue;
      const canary = canaryOf(
        {
          labels: svc.labels,
          canaryWeight: svc.canaryWeight ?? input.nsCanaryWeight,
        },
        nsEnrollment.waypoint,
        nsEnrollment.waypointNamespace,
        waypoints,
        namespace,
      )!;
      enrollments.push({
        source: 'service',
        objectName: svc.name,
        waypoint: nsEnrollment.waypoint,
        waypointNamespace: nsEnrollment.waypointNamespace,
        resolved: nsEnrollment.resolved,
        ...(nsEnrollment.problem ? { problem: nsEnrollment.problem } : {}),
        canary,
      });
      if (canary.problem)
        findings.push(
          finding(
            'KFM208',
            `Service ${svc.name}: canary waypoint ${canary.waypointNamespace}/${canary.waypoint} is not used (${canary.problem}); all traffic stays on ${nsEnrollment.waypointNamespace}/${nsEnrollment.waypoint}.`,
            { kind: 'Service', namespace, name: svc.name },
          ),
        );
    }
  }

  for (const wp of own) {
    if (wp.programmed && wp.programmed.status !== 'True') {
      findings.push(
        finding(
          'KFM202',
          `Waypoint ${wp.name} is Programmed=${wp.programmed.status}${
            wp.programmed.reason ? ` (${wp.programmed.reason})` : ''
          }.`,
          { kind: 'Gateway', namespace, name: wp.name },
        ),
      );
    }
  }

  const activeEnrollments = enrollments.filter(
    e => e.waypoint !== 'none' && e.source !== 'pod',
  );
  if (
    activeEnrollments.length > 0 &&
    input.intent !== 'ambient' &&
    input.intent !== 'conflict'
  ) {
    findings.push(
      finding(
        'KFM203',
        `Namespace ${namespace} (${input.intent}) has istio.io/use-waypoint labels but is not ambient.`,
        { kind: 'Namespace', namespace, name: namespace },
      ),
    );
  }

  const nsWaypoint = nsLabels[MESH_LABELS.useWaypoint];
  const ingressUseWaypoint =
    nsLabels[MESH_LABELS.ingressUseWaypoint] === 'true';
  if (nsWaypoint && nsWaypoint !== 'none' && !ingressUseWaypoint) {
    findings.push(
      finding(
        'KFM204',
        `Namespace ${namespace} uses waypoint ${nsWaypoint} but is not labelled istio.io/ingress-use-waypoint=true; ingress-gateway traffic skips the waypoint's L7 policies.`,
        { kind: 'Namespace', namespace, name: namespace },
      ),
    );
  }

  for (const svc of input.services) {
    if (svc.waypointBound?.status === 'False') {
      findings.push(
        finding(
          'KFM206',
          `Service ${svc.name}: istio.io/WaypointBound=False${
            svc.waypointBound.reason ? ` (${svc.waypointBound.reason})` : ''
          }.`,
          { kind: 'Service', namespace, name: svc.name },
        ),
      );
    }
  }

  return {
    status: {
      waypoints: own.map(toWaypointInfo),
      enrollments,
      ingressUseWaypoint,
    },
    findings,
  };
}

/**
 * The waypoint that serves a namespace's services by default: the
 * namespace label when it is not `none`. Returns undefined when none.
 */
export function namespaceWaypoint(
  namespace: string,
  nsLabels: Labels,
): { name: string; namespace: string } | undefined {
  const name = nsLabels[MESH_LABELS.useWaypoint];
  if (!name || name === 'none') return undefined;
  return {
    name,
    namespace: nsLabels[MESH_LABELS.useWaypointNamespace] ?? namespace,
  };
}

/** Waypoints that serve any of the namespace's services (namespace or service labels). */
export function servingWaypoints(
  namespace: string,
  nsLabels: Labels,
  services: ServiceProjection[],
): Array<{ name: string; namespace: string }> {
  const result = new Map<string, { name: string; namespace: string }>();
  const nsWp = namespaceWaypoint(namespace, nsLabels);
  for (const svc of services) {
    const own = svc.labels[MESH_LABELS.useWaypoint];
    // The object's own label wins over the namespace label (waypoints.go).
    let wp: { name: string; namespace: string } | undefined = nsWp;
    if (own === 'none') wp = undefined;
    else if (own !== undefined) {
      wp = {
        name: own,
        namespace: svc.labels[MESH_LABELS.useWaypointNamespace] ?? namespace,
      };
    }
    if (wp) result.set(`${wp.namespace}/${wp.name}`, wp);
  }
  if (services.length === 0 && nsWp)
    result.set(`${nsWp.namespace}/${nsWp.name}`, nsWp);
  return [...result.values()];
}
