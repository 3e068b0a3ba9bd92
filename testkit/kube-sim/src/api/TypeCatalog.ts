import { ResourceType, typeKey } from './ResourceType';

/** Lookup of served resource types by group/version/plural or kind. */
export class TypeCatalog {
  private readonly byKey = new Map<string, ResourceType>();
  private readonly byKind = new Map<string, ResourceType>();

  constructor(types: ResourceType[]) {
    for (const type of types) {
      this.byKey.set(typeKey(type), type);
      this.byKind.set(`${type.group}/${type.kind}`, type);
    }
  }

  /** All served types. */
  all(): ResourceType[] {
    return [...this.byKey.values()];
  }

  /** Served groups with their versions (core group `''` included). */
  groups(): { group: string; versions: string[] }[] {
    const groups = new Map<string, string[]>();
    for (const type of this.byKey.values()) {
      const versions = groups.get(type.group) ?? [];
      for (const v of type.versions)
        if (!versions.includes(v)) versions.push(v);
      groups.set(type.group, versions);
    }
    return [...groups.entries()].map(([group, versions]) => ({
      group,
      versions,
    }));
  }

  /** Types served at a group/version. */
  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all().filter(
      t => t.group === group && t.versions.includes(version),
    );
  }

  /** The type behind a URL (`group`, `version`, `plural`), if served at that version. */
  resolve(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    const type = this.byKey.get(`${group}/${plural}`);
    return type && type.versions.includes(version) ? type : undefined;
  }

  /** The type of an object by group and kind. */
  forKind(group: string, kind: string): ResourceType | undefined {
    return this.byKind.get(`${group}/${kind}`);
  }

  /** The type by group and plural, regardless of version. */
  forPlural(group: string, plural: string): ResourceType | undefined {
    return this.byKey.get(`${group}/${plural}`);
  }
}
