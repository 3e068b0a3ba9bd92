import { randomInt } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { typeKey, type ResourceType } from '../api/ResourceType';
import {
  SERVICE_CIDR_SIZE,
  SERVICE_CIDR_TEXT,
  serviceIpAt,
  serviceIpOffset,
} from '../api/serviceCidr';
import type { ValidationCause } from '../crds/types';
import { fieldCause } from '../crds/validationMessages';
import type { KubeObject } from '../store/KubeObject';
import { objectKey } from '../store/KubeObject';
import type { ObjectStore } from '../store/ObjectStore';
import { HEADLESS, needsClusterIP } from './serviceSpec';

/** The lower part of the range the apiserver keeps for addresses users pick (`min(max(16, size/16), 256)`). */
const STATIC_BAND = Math.min(Math.max(16, SERVICE_CIDR_SIZE / 16), 256);

const keyOf = (obj: KubeObject) =>
  objectKey(obj.metadata.namespace, String(obj.metadata.name));
const ipsOf = (obj: KubeObject): string[] => {
  const ips = (obj.spec as Record<string, any> | undefined)?.clusterIPs;
  return Array.isArray(ips) ? ips.filter(ip => ip && ip !== HEADLESS) : [];
};

/**
 * ClusterIPs of the stored Services: which address is taken, and a free one for a Service that asks for none.
 * Fed by the store's change events; an entry is checked against the store before it counts as taken.
 */
export class ServiceIpAllocator {
  private readonly holders = new Map<string, string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly services: ResourceType,
  ) {
    store.subscribe(event => {
      if (event.typeKey !== typeKey(services)) return;
      const key = keyOf(event.object);
      for (const ip of event.previous ? ipsOf(event.previous) : [])
        if (this.holders.get(ip) === key) this.holders.delete(ip);
      if (event.type === 'DELETED') {
        for (const ip of ipsOf(event.object))
          if (this.holders.get(ip) === key) this.holders.delete(ip);
      } else for (const ip of ipsOf(event.object)) this.holders.set(ip, key);
    });
  }

  private holder(ip: string): string | undefined {
    const key = this.holders.get(ip);
    if (!key) return undefined;
    const [namespace, name] = key.split('/');
    const current = this.store.get(this.services, namespace, name);
    if (current && ipsOf(current).includes(ip)) return key;
    this.holders.delete(ip);
    return undefined;
  }

  /**
   * Assigns a free address to a normalized Service without one and checks one it brings: inside the range, not
   * held by another Service (not checked for a dry run: the apiserver's dry-run allocation does not either).
   * Mutates `obj.spec`; the address counts as taken once the Service is stored.
   */
  allocate(obj: KubeObject, dryRun = false): ValidationCause[] {
    const spec = obj.spec as Record<string, any>;
    if (!needsClusterIP(spec)) return [];
    if (!spec.clusterIP) {
      spec.clusterIP = this.freeAddress();
      spec.clusterIPs = [spec.clusterIP];
      return [];
    }
    if (spec.clusterIP === HEADLESS) {
      spec.clusterIPs = [HEADLESS];
      return [];
    }
    const ips: string[] = spec.clusterIPs;
    const own = keyOf(obj);
    const ip = ips[0];
    if (isIPv6(ip))
      return [
        fieldCause.invalid(
          'spec.clusterIPs[0]',
          ips,
          'IPv6 is not configured on this cluster',
        ),
      ];
    const offset = serviceIpOffset(ip);
    const failed = (why: string) => [
      fieldCause.invalid(
        'spec.clusterIPs',
        ips,
        `failed to allocate IP ${ip}: ${why}`,
      ),
    ];
    if (
      offset === undefined ||
      offset === 0 ||
      offset === SERVICE_CIDR_SIZE - 1
    )
      // a dry run is answered by the range allocator's own check, a real write by the IPAddress allocator
      return failed(
        dryRun
          ? `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR_TEXT}`
          : 'the provided network does not match the current range',
      );
    if (dryRun) return [];
    const holder = this.holder(ip);
    if (holder && holder !== own)
      return failed('provided IP is already allocated');
    return [];
  }

  private freeAddress(): string {
    for (let attempt = 0; attempt < 64; attempt++) {
      const ip = serviceIpAt(randomInt(STATIC_BAND, SERVICE_CIDR_SIZE - 1));
      if (!this.holder(ip)) return ip;
    }
    for (let offset = 1; offset < SERVICE_CIDR_SIZE - 1; offset++) {
      const ip = serviceIpAt(offset);
      if (!this.holder(ip)) return ip;
    }
    throw new Error('kube-sim: the Service IP range is used up');
  }
}
