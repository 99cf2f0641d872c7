export * from './krippendorff-alpha';
export * from './calibration';
export * from './heat-map';
