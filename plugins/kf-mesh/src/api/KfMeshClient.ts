import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type {
  ClustersResponse,
  EntityOnboardingContextResponse,
  EntityStatusResponse,
  FleetResponse,
  NamespaceDetailResponse,
  OnboardingPlanPreviewRequest,
  OnboardingPlanPreviewResponse,
  OnboardingsQuery,
  OnboardingsResponse,
  WavesResponse,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { FleetRequest, KfMeshApi } from './KfMeshApi';
import {
  errorFromResponse,
  KfMeshApiError,
  networkError,
} from './KfMeshApiError';

/**
 * {@link KfMeshApi} over HTTP: `discoveryApi` finds the backend, `fetchApi`
 * adds the user's Backstage token.
 * @public
 */
export class KfMeshClient implements KfMeshApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getClusters(): Promise<ClustersResponse> {
    return this.get('/clusters', 'Loading clusters failed');
  }

  getEntityStatus(entityRef: string): Promise<EntityStatusResponse> {
    const query = new URLSearchParams({ entityRef });
    return this.get(
      `/entity-status?${query}`,
      'Loading the mesh status of this entity failed',
    );
  }

  getFleet(request: FleetRequest): Promise<FleetResponse> {
    const query = new URLSearchParams();
    const params: Array<[string, string | number | undefined]> = [
      ['cluster', request.cluster],
      ['mode', request.mode],
      ['severity', request.severity],
      ['q', request.q?.trim()],
      ['target', request.target],
      ['readiness', request.readiness?.join(',')],
      ['sort', request.sort],
      ['order', request.order],
      ['cursor', request.cursor],
      ['limit', request.limit],
    ];
    for (const [key, value] of params) {
      if (value !== undefined && value !== '') query.set(key, String(value));
    }
    const suffix = query.toString() ? `?${query}` : '';
    return this.get(`/namespaces${suffix}`, 'Loading the fleet failed');
  }

  getNamespace(
    cluster: string,
    namespace: string,
  ): Promise<NamespaceDetailResponse> {
    return this.get(
      `/clusters/${encodeURIComponent(cluster)}/namespaces/${encodeURIComponent(
        namespace,
      )}`,
      `Loading namespace ${namespace} on ${cluster} failed`,
    );
  }

  getOnboardings(query: OnboardingsQuery = {}): Promise<OnboardingsResponse> {
    const stages = [...new Set(query.state ?? [])];
    // Comma-separated, the commas left readable: `?state=in-review,stuck`.
    const params = [
      ...(stages.length
        ? [`state=${stages.map(encodeURIComponent).join(',')}`]
        : []),
      ...(query.limit !== undefined ? [`limit=${query.limit}`] : []),
      ...(query.cursor ? [`cursor=${encodeURIComponent(query.cursor)}`] : []),
    ];
    const suffix = params.length ? `?${params.join('&')}` : '';
    return this.get(
      `/onboardings${suffix}`,
      'Loading the onboarding pull requests failed',
    );
  }

  getWaves(): Promise<WavesResponse> {
    return this.get('/waves', 'Loading the waves failed');
  }

  getEntityOnboarding(
    entityRef: string,
  ): Promise<EntityOnboardingContextResponse> {
    const query = new URLSearchParams({ entityRef });
    return this.get(
      `/entity-onboarding?${query}`,
      'Loading the onboarding data of this profile failed',
    );
  }

  previewOnboardingPlan(
    request: OnboardingPlanPreviewRequest,
  ): Promise<OnboardingPlanPreviewResponse> {
    return this.get(
      '/entity-onboarding/plan',
      'Previewing the onboarding plan failed',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  }

  private async get<T>(
    path: string,
    what: string,
    init?: RequestInit,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kf-mesh');
    let response: Response;
    try {
      const url = `${baseUrl}${path}`;
      response = await (init
        ? this.fetchApi.fetch(url, init)
        : this.fetchApi.fetch(url));
    } catch (e) {
      throw networkError(what, e);
    }
    if (!response.ok) {
      throw await errorFromResponse(response, what);
    }
    try {
      return (await response.json()) as T;
    } catch (e) {
      throw new KfMeshApiError({
        reason: 'unexpected',
        message: `${what}: the kf-mesh backend answered with something that is not JSON.`,
        status: response.status,
      });
    }
  }
}
