import { negotiate, parseAccept } from './mediaType';

describe('content negotiation', () => {
  it('honours the first supported representation, skipping protobuf', () => {
    const accept = parseAccept(
      'application/vnd.kubernetes.protobuf;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json',
    );
    expect(negotiate(accept, ['object', 'PartialObjectMetadataList'])).toEqual({
      representation: 'PartialObjectMetadataList',
      version: 'v1',
    });
    expect(negotiate(accept, ['object'])).toEqual({ representation: 'object' });
    expect(
      negotiate(parseAccept('application/vnd.kubernetes.protobuf'), ['object']),
    ).toBeUndefined();
    expect(negotiate(parseAccept(undefined), ['object'])).toEqual({
      representation: 'object',
    });
  });

  it('recognises kubectl table and aggregated discovery requests', () => {
    const table = parseAccept(
      'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
    );
    expect(negotiate(table, ['object', 'Table'])?.representation).toBe('Table');
    const discovery = parseAccept(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
    );
    expect(negotiate(discovery, ['APIGroupDiscoveryList', 'object'])).toEqual({
      representation: 'APIGroupDiscoveryList',
      version: 'v2',
    });
    expect(
      negotiate(parseAccept('text/html;q=0.9,application/json;q=0.1'), [
        'object',
      ]),
    ).toEqual({ representation: 'object' });
  });
});
