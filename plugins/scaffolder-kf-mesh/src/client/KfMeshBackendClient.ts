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
  OnboardingPlanPreviewRequest,
  OnboardingPlanPreviewResponse,
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
}

/**
 * Calls kf-mesh-backend's entity-scoped onboarding routes with a plugin request token issued
 * on behalf of the given credentials. The token is requested right before each call and never
 * logged or put into errors.
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
    const subject = `entity '${request.entityRef}'`;
    const baseUrl = await this.deps.discovery.getBaseUrl('kf-mesh');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'kf-mesh',
    });
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/entity-onboarding/plan`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(request),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `kf-mesh backend unreachable while reading ${subject}: ${
          (error as Error).message
        }`,
      );
    }
    if (response.ok) {
      // text + JSON.parse rather than response.json(): the objects then belong to this
      // realm, which the scaffolder's template engine requires of step outputs
      return JSON.parse(await response.text()) as OnboardingPlanPreviewResponse;
    }
    const detail = await errorMessage(response);
    if (response.status === 400) throw new InputError(detail);
    if (response.status === 404) {
      throw new NotFoundError(
        `Entity '${request.entityRef}' was not found, or you may not onboard it (${detail})`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new NotAllowedError(
        `You are not allowed to read the mesh status of ${subject} (${detail})`,
      );
    }
    throw new ServiceUnavailableError(
      `kf-mesh backend answered ${response.status} for ${subject}: ${detail}`,
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
