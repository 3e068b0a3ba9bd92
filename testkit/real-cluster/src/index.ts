export * from './istio';
