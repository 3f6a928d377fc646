export * from './domain/enums';
