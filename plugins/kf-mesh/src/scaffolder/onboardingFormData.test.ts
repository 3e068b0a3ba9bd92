import {
  fieldOptionsOf,
  formValuesOf,
  planPreviewRequestOf,
  selectedTarget,
} from './onboardingFormData';

describe('onboarding form data', () => {
  it("reads the other form values through the field's ui:options names", () => {
    const values = formValuesOf(
      {
        formData: {
          entity: 'resource:default/a',
          where: 'prod',
          targetMode: 'ambient',
          people: [{ user: 'u@x', role: 'view' }],
          waypointName: 'gate',
          trustDomain: 'example.org',
        },
      },
      fieldOptionsOf({
        'ui:options': {
          entityRefField: 'entity',
          clusterField: 'where',
          modeField: 'targetMode',
          contributorsField: 'people',
          optionsFields: ['waypointName'],
        },
      }),
    );
    expect(planPreviewRequestOf(values)).toEqual({
      entityRef: 'resource:default/a',
      cluster: 'prod',
      mode: 'ambient',
      contributors: [{ user: 'u@x', role: 'view' }],
      options: { waypointName: 'gate' },
    });
  });

  it('defaults to the parameter names of the onboarding template', () => {
    expect(
      planPreviewRequestOf(
        formValuesOf({
          formData: { profile: 'resource:default/a', mode: 'sidecar-strict' },
        }),
      ),
    ).toEqual({
      entityRef: 'resource:default/a',
      mode: 'sidecar-strict',
      contributors: [],
    });
    expect(formValuesOf(undefined)).toEqual({});
    expect(
      planPreviewRequestOf(formValuesOf({ formData: {} })),
    ).toBeUndefined();
  });

  it('selects the one target the form names, or the only one', () => {
    const t = (cluster: string) =>
      ({ cluster, namespace: 'ns' } as Parameters<typeof selectedTarget>[0][0]);
    expect(selectedTarget([t('a')], {})).toEqual(t('a'));
    expect(selectedTarget([t('a'), t('b')], {})).toBeUndefined();
    expect(selectedTarget([t('a'), t('b')], { cluster: 'b' })).toEqual(t('b'));
    expect(selectedTarget([t('a')], { cluster: 'c' })).toBeUndefined();
  });
});
