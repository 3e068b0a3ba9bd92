/**
 * The cluster's Service range: kubeadm's default `--service-cluster-ip-range`, which the real-cluster launcher
 * passes to kube-apiserver too. kube-sim allocates and accepts ClusterIPs from it only (IPv4 single-stack).
 */
export const SERVICE_CIDR = {
  first: [10, 96, 0, 0],
  prefixLength: 12,
} as const;

/** `10.96.0.0/12`. */
export const SERVICE_CIDR_TEXT = `${SERVICE_CIDR.first.join('.')}/${
  SERVICE_CIDR.prefixLength
}`;

/** Number of addresses in the range, network and broadcast address included. */
export const SERVICE_CIDR_SIZE = 2 ** (32 - SERVICE_CIDR.prefixLength);

const BASE = SERVICE_CIDR.first.reduce<number>((acc, o) => acc * 256 + o, 0);

/** The address `offset` places after the network address of the range. */
export function serviceIpAt(offset: number): string {
  const address = BASE + offset;
  return [24, 16, 8, 0]
    .map(shift => Math.floor(address / 2 ** shift) % 256)
    .join('.');
}

/** Offset of a dotted IPv4 address inside the range, or undefined outside it. */
export function serviceIpOffset(ip: string): number | undefined {
  const address = ip
    .split('.')
    .reduce<number>((acc, o) => acc * 256 + Number(o), 0);
  const offset = address - BASE;
  return offset >= 0 && offset < SERVICE_CIDR_SIZE ? offset : undefined;
}
