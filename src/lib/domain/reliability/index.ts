export * from './krippendorff-alpha';
export * from './calibration';
