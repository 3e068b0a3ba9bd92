import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { NamespaceDetailResponse } from '@kf-mesh/plugin-kf-mesh-common';

/** Reads namespace status from kf-mesh-backend on behalf of a user. @public */
export interface KfMeshBackendApi {
  getNamespace(options: {
    cluster: string;
    namespace: string;
    credentials: BackstageCredentials;
  }): Promise<NamespaceDetailResponse>;
}

/**
 * Calls `GET /api/kf-mesh/clusters/:cluster/namespaces/:namespace` with a
 * plugin request token issued on behalf of the given credentials. The token is
 * requested right before each call and never logged or put into errors.
 * @public
 */
export class KfMeshBackendClient implements KfMeshBackendApi {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async getNamespace(options: {
    cluster: string;
    namespace: string;
    credentials: BackstageCredentials;
  }): Promise<NamespaceDetailResponse> {
    const { cluster, namespace, credentials } = options;
    const baseUrl = await this.deps.discovery.getBaseUrl('kf-mesh');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'kf-mesh',
    });
    const url = `${baseUrl}/clusters/${encodeURIComponent(
      cluster,
    )}/namespaces/${encodeURIComponent(namespace)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `kf-mesh backend unreachable while reading ${cluster}/${namespace}: ${
          (error as Error).message
        }`,
      );
    }
    if (response.ok) {
      return (await response.json()) as NamespaceDetailResponse;
    }
    const detail = await errorMessage(response);
    if (response.status === 404) {
      throw new NotFoundError(
        `Namespace '${namespace}' was not found on cluster '${cluster}' (${detail})`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new NotAllowedError(
        `You are not allowed to read the mesh status of '${cluster}/${namespace}' (${detail})`,
      );
    }
    throw new ServiceUnavailableError(
      `kf-mesh backend answered ${response.status} for ${cluster}/${namespace}: ${detail}`,
    );
  }
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return String(body?.error?.message ?? response.statusText).slice(0, 300);
  } catch {
    return response.statusText || `HTTP ${response.status}`;
  }
}
