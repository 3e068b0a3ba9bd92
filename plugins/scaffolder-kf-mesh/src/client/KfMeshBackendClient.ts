import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type {
  FleetResponse,
  NamespaceDetailResponse,
  OnboardingPlanPreviewRequest,
  OnboardingPlanPreviewResponse,
  WaveSummary,
} from '@kf-mesh/plugin-kf-mesh-common';

/** Calls kf-mesh-backend on behalf of a user. @public */
export interface KfMeshBackendApi {
  /**
   * `POST /entity-onboarding/plan`: the preflight (and, when it passes, the plan) of one of the
   * entity's namespaces, exactly what the template's review step showed. Only entities the user
   * may read (404 otherwise, the same as a missing entity).
   */
  previewPlan(options: {
    request: OnboardingPlanPreviewRequest;
    credentials: BackstageCredentials;
  }): Promise<OnboardingPlanPreviewResponse>;
  /** One namespace of the fleet (`kf-mesh.fleet.read`): what a wave checks each selected namespace with. */
  getNamespace(options: {
    cluster: string;
    namespace: string;
    credentials: BackstageCredentials;
  }): Promise<NamespaceDetailResponse>;
  /** One row of the fleet: refused (NotAllowedError) unless the user holds `kf-mesh.fleet.read`. */
  getFleetPage(options: {
    credentials: BackstageCredentials;
  }): Promise<FleetResponse>;
  /** A wave and where its namespaces stand (`GET /waves/:waveId`). */
  getWave(options: {
    waveId: string;
    credentials: BackstageCredentials;
  }): Promise<WaveSummary>;
}

/**
 * Calls kf-mesh-backend's routes with a plugin request token issued on behalf of the given
 * credentials. The token is requested right before each call and never logged or put into errors.
 * @public
 */
export class KfMeshBackendClient implements KfMeshBackendApi {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async previewPlan(options: {
    request: OnboardingPlanPreviewRequest;
    credentials: BackstageCredentials;
  }): Promise<OnboardingPlanPreviewResponse> {
    const { request, credentials } = options;
    return this.call<OnboardingPlanPreviewResponse>(
      '/entity-onboarding/plan',
      credentials,
      {
        subject: `entity '${request.entityRef}'`,
        notFound: `Entity '${request.entityRef}' was not found, or you may not onboard it`,
      },
      request,
    );
  }

  async getNamespace(options: {
    cluster: string;
    namespace: string;
    credentials: BackstageCredentials;
  }): Promise<NamespaceDetailResponse> {
    const { cluster, namespace, credentials } = options;
    return this.call<NamespaceDetailResponse>(
      `/clusters/${encodeURIComponent(cluster)}/namespaces/${encodeURIComponent(
        namespace,
      )}`,
      credentials,
      {
        subject: `'${cluster}/${namespace}'`,
        notFound: `Namespace '${namespace}' was not found on cluster '${cluster}'`,
      },
    );
  }

  async getFleetPage(options: {
    credentials: BackstageCredentials;
  }): Promise<FleetResponse> {
    return this.call<FleetResponse>(
      '/namespaces?limit=1',
      options.credentials,
      {
        subject: 'the fleet',
        notFound: 'The kf-mesh fleet route was not found',
      },
    );
  }

  async getWave(options: {
    waveId: string;
    credentials: BackstageCredentials;
  }): Promise<WaveSummary> {
    const { waveId, credentials } = options;
    return this.call<WaveSummary>(
      `/waves/${encodeURIComponent(waveId)}`,
      credentials,
      {
        subject: `wave '${waveId}'`,
        notFound: `Wave '${waveId}' has no tracked onboarding pull request`,
      },
    );
  }

  /** GET `path`, or POST `body` as JSON when given. */
  private async call<T>(
    path: string,
    credentials: BackstageCredentials,
    text: { subject: string; notFound: string },
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.deps.discovery.getBaseUrl('kf-mesh');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'kf-mesh',
    });
    let response: Response;
    try {
      response = await fetch(
        `${baseUrl}${path}`,
        body === undefined
          ? { headers: { authorization: `Bearer ${token}` } }
          : {
              method: 'POST',
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify(body),
            },
      );
    } catch (error) {
      throw new ServiceUnavailableError(
        `kf-mesh backend unreachable while reading ${text.subject}: ${
          (error as Error).message
        }`,
      );
    }
    if (response.ok) {
      // text + JSON.parse rather than response.json(): the objects then belong to this
      // realm, which the scaffolder's template engine requires of step outputs
      return JSON.parse(await response.text()) as T;
    }
    const detail = await errorMessage(response);
    if (response.status === 400) throw new InputError(detail);
    if (response.status === 404) {
      throw new NotFoundError(`${text.notFound} (${detail})`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new NotAllowedError(
        `You are not allowed to read the mesh status of ${text.subject} (${detail})`,
      );
    }
    throw new ServiceUnavailableError(
      `kf-mesh backend answered ${response.status} for ${text.subject}: ${detail}`,
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
