import { isIP } from 'node:net';
import { dnsNameCauses } from '../crds/objectMetaValidation';
import type { ValidationCause } from '../crds/types';
import { fieldCause } from '../crds/validationMessages';
import type { KubeObject } from '../store/KubeObject';

// Service rules of the apiserver's pkg/apis/core/validation (ValidateService, ValidateServiceClusterIPsRelatedFields,
// ValidateServiceUpdate) and pkg/registry/core/service/strategy.go (what it fills in before validating), with the
// messages kube-apiserver v1.36 answers (checked by testkit/real-cluster's differential suite).

/** The headless ClusterIP. */
export const HEADLESS = 'None';
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

type Spec = Record<string, any>;
const specOf = (obj: KubeObject): Spec =>
  typeof obj.spec === 'object' && obj.spec !== null ? (obj.spec as Spec) : {};
const ipsOf = (spec: Spec): string[] =>
  Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
const sameIps = (a: Spec, b: Spec) =>
  JSON.stringify(ipsOf(a)) === JSON.stringify(ipsOf(b));

/** Whether the Service gets a ClusterIP at all (every type but ExternalName). */
export const needsClusterIP = (spec: Spec) => spec.type !== 'ExternalName';

/**
 * Fills in what the apiserver does before validating: `type`, each port's `protocol` and `targetPort` defaults,
 * `clusterIPs` from `clusterIP`, and on update the allocated addresses a client left out. Returns a new object.
 */
export function normalizeService(
  obj: KubeObject,
  old?: KubeObject,
): KubeObject {
  const spec: Spec = { type: 'ClusterIP', ...specOf(obj) };
  if (Array.isArray(spec.ports)) {
    spec.ports = spec.ports.map((p: any) =>
      typeof p === 'object' && p !== null
        ? {
            ...p,
            protocol: p.protocol ?? 'TCP',
            targetPort:
              p.targetPort === undefined ||
              p.targetPort === 0 ||
              p.targetPort === ''
                ? p.port
                : p.targetPort,
          }
        : p,
    );
  }
  const before = old ? specOf(old) : undefined;
  if (!before) {
    if (spec.clusterIP && ipsOf(spec).length === 0)
      spec.clusterIPs = [spec.clusterIP];
  } else {
    if (needsClusterIP(before) && needsClusterIP(spec)) {
      if (!spec.clusterIP) spec.clusterIP = before.clusterIP;
      if (ipsOf(spec).length === 0 && ipsOf(before).length > 0)
        spec.clusterIPs = before.clusterIPs;
    }
    if ((before.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
      if (before.clusterIP && !spec.clusterIP) {
        if (sameIps(before, spec)) delete spec.clusterIPs;
      } else if (sameIps(before, spec)) spec.clusterIPs = [spec.clusterIP];
    }
  }
  return { ...obj, spec };
}

/** `spec.clusterIP` / `spec.clusterIPs` consistency and address syntax (checked before any allocation). */
export function clusterIpCauses(obj: KubeObject): ValidationCause[] {
  const spec = specOf(obj);
  const ips = ipsOf(spec);
  const causes: ValidationCause[] = [];
  if (ips.length > 0 && !spec.clusterIP)
    causes.push(
      fieldCause.invalid(
        'spec.clusterIPs',
        ips,
        'must be empty when `clusterIP` is not specified',
      ),
    );
  else if (spec.clusterIP && ips.length > 0 && ips[0] !== spec.clusterIP)
    causes.push(
      fieldCause.invalid(
        'spec.clusterIPs',
        ips,
        'first value must match `clusterIP`',
      ),
    );
  ips.forEach((ip, i) => {
    if (i === 0 && ip === HEADLESS) return;
    if (typeof ip !== 'string' || isIP(ip) === 0)
      causes.push(
        fieldCause.invalid(
          `spec.clusterIPs[${i}]`,
          ip,
          'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        ),
      );
  });
  return causes;
}

/** An update may not change an assigned ClusterIP (both objects normalized). */
export function clusterIpUpdateCauses(
  next: KubeObject,
  old: KubeObject,
): ValidationCause[] {
  const [before, after] = [specOf(old), specOf(next)];
  const [was, now] = [ipsOf(before), ipsOf(after)];
  if (!needsClusterIP(before) || !needsClusterIP(after) || !was[0]) return [];
  return now[0] === was[0]
    ? []
    : [
        fieldCause.invalid(
          'spec.clusterIPs[0]',
          now,
          'may not change once set',
        ),
      ];
}

function portNumberCauses(field: string, value: unknown): ValidationCause[] {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= 65535
    ? []
    : [fieldCause.invalid(field, value, PORT_RANGE)];
}

/** `IsValidPortName` (an IANA service name) as the apiserver words it. */
function portNameCauses(field: string, name: string): ValidationCause[] {
  const problems: string[] = [];
  if (name.length > 15) problems.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name))
    problems.push(
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    );
  if (!/[a-z]/.test(name))
    problems.push('must contain at least one letter (a-z)');
  if (name.includes('--'))
    problems.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-'))
    problems.push('must not begin or end with a hyphen');
  return problems.map(p => fieldCause.invalid(field, name, p));
}

/** `spec.type` and `spec.ports` of a normalized Service. */
export function serviceSpecCauses(obj: KubeObject): ValidationCause[] {
  const spec = specOf(obj);
  const causes: ValidationCause[] = [];
  if (!SERVICE_TYPES.includes(spec.type))
    causes.push(fieldCause.notSupported('spec.type', spec.type, SERVICE_TYPES));
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  if (
    ports.length === 0 &&
    spec.clusterIP !== HEADLESS &&
    spec.type !== 'ExternalName'
  )
    causes.push(fieldCause.required('spec.ports'));
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((port, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !port.name)
      causes.push(fieldCause.required(`${at}.name`));
    else if (port.name) {
      causes.push(...dnsNameCauses(`${at}.name`, String(port.name), 'label'));
      if (names.has(port.name))
        causes.push(fieldCause.duplicate(`${at}.name`, port.name));
      names.add(port.name);
    }
    causes.push(...portNumberCauses(`${at}.port`, port.port));
    if (!PROTOCOLS.includes(port.protocol))
      causes.push(
        fieldCause.notSupported(`${at}.protocol`, port.protocol, PROTOCOLS),
      );
    if (typeof port.targetPort === 'string')
      causes.push(...portNameCauses(`${at}.targetPort`, port.targetPort));
    else causes.push(...portNumberCauses(`${at}.targetPort`, port.targetPort));
  });
  ports.forEach((port, i) => {
    // the apiserver reports the duplicate key: a ServicePort with only its protocol and port set
    const key = {
      Name: '',
      Protocol: port.protocol,
      AppProtocol: null,
      Port: port.port,
      TargetPort: 0,
      NodePort: 0,
    };
    const text = JSON.stringify(key);
    if (seen.has(text))
      causes.push(fieldCause.duplicate(`spec.ports[${i}]`, key));
    seen.add(text);
  });
  return causes;
}
