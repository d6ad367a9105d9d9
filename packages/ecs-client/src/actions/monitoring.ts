import { defineAction, type EcsResponse } from './define.js';

// DescribeInstanceMonitorData ---------------------------------------------------------------------

export interface DescribeInstanceMonitorDataRequest {
  InstanceId: string;
  /** UTC `yyyy-MM-ddTHH:mm:ssZ`, at most 30 days ago; non-zero seconds round up to the next minute. */
  StartTime: string;
  /** UTC `yyyy-MM-ddTHH:mm:ssZ`; (EndTime − StartTime) / Period must not exceed 400. */
  EndTime: string;
  /** Seconds between data points. Default 60. */
  Period?: 60 | 600 | 3600;
}

/** One data point. Metrics the system could not collect (e.g. while Stopped) are left out. */
export interface InstanceMonitorData {
  readonly InstanceId: string;
  /** UTC ISO 8601. */
  readonly TimeStamp: string;
  /** vCPU utilisation, percent. */
  readonly CPU?: number;
  /** Internal traffic received during the period, kbits. */
  readonly IntranetRX?: number;
  /** Internal traffic sent during the period, kbits. */
  readonly IntranetTX?: number;
  /** Internal bandwidth, kbit/s. */
  readonly IntranetBandwidth?: number;
  /** Public traffic received during the period, kbits. */
  readonly InternetRX?: number;
  /** Public traffic sent during the period, kbits. */
  readonly InternetTX?: number;
  /** Public bandwidth, kbit/s. */
  readonly InternetBandwidth?: number;
  /** Disk read operations per second. */
  readonly IOPSRead?: number;
  /** Disk write operations per second. */
  readonly IOPSWrite?: number;
  /** Disk read bandwidth, bytes/s. */
  readonly BPSRead?: number;
  /** Disk write bandwidth, bytes/s. */
  readonly BPSWrite?: number;
  /** Burstable instances: total CPU credits. */
  readonly CPUCreditBalance?: number;
  /** Burstable instances: credits used. */
  readonly CPUCreditUsage?: number;
  /** Burstable instances: credits consumed in advance. */
  readonly CPUAdvanceCreditBalance?: number;
  /** Burstable instances: overdrawn credits not yet paid. */
  readonly CPUNotpaidSurplusCreditUsage?: number;
}

export interface DescribeInstanceMonitorDataResponse extends EcsResponse {
  readonly MonitorData: { readonly InstanceMonitorData: readonly InstanceMonitorData[] };
}

export const monitoringActions = {
  DescribeInstanceMonitorData: defineAction<DescribeInstanceMonitorDataRequest, DescribeInstanceMonitorDataResponse>()({
    kind: 'read',
  }),
};
