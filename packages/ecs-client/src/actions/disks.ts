import {
  defineAction,
  type EcsResponse,
  type FilterInput,
  type NextTokenRequest,
  type PageNumberRequest,
  type PagedResponse,
  type Tag,
  type TagInput,
} from './define.js';

export type DiskStatus = 'In_use' | 'Available' | 'Attaching' | 'Detaching' | 'Creating' | 'ReIniting';

// DescribeDisks -----------------------------------------------------------------------------------

export interface DescribeDisksRequest extends PageNumberRequest, NextTokenRequest {
  RegionId: string;
  ZoneId?: string;
  /** Up to 100 IDs; sent as one JSON-array string. */
  DiskIds?: string[];
  InstanceId?: string;
  SnapshotId?: string;
  DiskName?: string;
  ResourceGroupId?: string;
  AutoSnapshotPolicyId?: string;
  KMSKeyId?: string;
  /** Default all. */
  DiskType?: 'all' | 'system' | 'data';
  /** `all` (default) or a disk category: cloud, cloud_efficiency, cloud_ssd, cloud_essd, cloud_auto, ... */
  Category?: string;
  /** Default All. */
  Status?: DiskStatus | 'All';
  DiskChargeType?: 'PrePaid' | 'PostPaid';
  LockReason?: 'financial' | 'security';
  MultiAttach?: 'Disabled' | 'Enabled' | 'LegacyShared';
  Portable?: boolean;
  DeleteWithInstance?: boolean;
  DeleteAutoSnapshot?: boolean;
  EnableAutoSnapshot?: boolean;
  EnableAutomatedSnapshotPolicy?: boolean;
  EnableShared?: boolean;
  Encrypted?: boolean;
  /** Up to 20 tags. */
  Tag?: TagInput[];
  /** Keys CreationStartTime, CreationEndTime. */
  Filter?: FilterInput[];
  /** Only `Placement` (storage location of regional disks). */
  AdditionalAttributes?: string[];
  DryRun?: boolean;
}

export interface DiskAttachment {
  readonly InstanceId: string;
  readonly Device: string;
  readonly AttachedTime: string;
}

export interface Disk {
  readonly DiskId: string;
  readonly DiskName: string;
  readonly Description: string;
  readonly RegionId: string;
  readonly ZoneId: string;
  readonly Type: 'system' | 'data';
  /** cloud, cloud_efficiency, cloud_ssd, cloud_essd, cloud_auto, ephemeral_ssd, ... */
  readonly Category: string;
  /** GiB. */
  readonly Size: number;
  readonly Status: DiskStatus;
  /** Empty when not attached. */
  readonly InstanceId: string;
  /** e.g. `/dev/xvdb`; only while In_use. */
  readonly Device: string;
  /** Image the system disk was created from. */
  readonly ImageId: string;
  readonly SourceSnapshotId: string;
  /** Can be detached and attached on its own. */
  readonly Portable: boolean;
  readonly DeleteWithInstance: boolean;
  readonly DeleteAutoSnapshot: boolean;
  readonly EnableAutoSnapshot: boolean;
  readonly EnableAutomatedSnapshotPolicy?: boolean;
  readonly AutoSnapshotPolicyId?: string;
  readonly Encrypted: boolean;
  readonly KMSKeyId: string;
  readonly DiskChargeType: 'PrePaid' | 'PostPaid';
  readonly CreationTime: string;
  readonly AttachedTime: string;
  readonly DetachedTime: string;
  readonly ExpiredTime: string;
  readonly OperationLocks: { readonly OperationLock: readonly { readonly LockReason: string }[] };
  readonly Tags?: { readonly Tag: readonly Tag[] };
  readonly IOPS: number;
  readonly IOPSRead?: number;
  readonly IOPSWrite?: number;
  /** PL0–PL3 (ESSD only). */
  readonly PerformanceLevel?: string;
  readonly BurstingEnabled?: boolean;
  readonly ProvisionedIops?: number;
  /** MB/s. */
  readonly Throughput?: number;
  /** MB/s. */
  readonly ThroughputRead?: number;
  /** MB/s. */
  readonly ThroughputWrite?: number;
  readonly ProductCode?: string;
  readonly SerialNumber: string;
  readonly ResourceGroupId: string;
  readonly MultiAttach?: 'Disabled' | 'Enabled' | 'LegacyShared';
  readonly Attachments?: { readonly Attachment: readonly DiskAttachment[] };
  readonly MountInstanceNum?: number;
  readonly MountInstances?: { readonly MountInstance: readonly DiskAttachment[] };
  readonly SourceDiskId?: string;
  readonly StorageSetId?: string;
  readonly StorageSetPartitionNumber?: number;
  readonly StorageClusterId?: string;
  readonly BdfId?: string;
  readonly DataSource?: { readonly Id: string; readonly Type: string };
  /** Only with `AdditionalAttributes: ['Placement']`. */
  readonly Placement?: { readonly ZoneIds: string };
}

export interface DescribeDisksResponse extends PagedResponse {
  readonly Disks: { readonly Disk: readonly Disk[] };
}

// CreateDisk --------------------------------------------------------------------------------------

export interface CreateDiskRequest {
  RegionId: string;
  /** Required unless InstanceId is given; the two are mutually exclusive. */
  ZoneId?: string;
  /** Create a subscription disk attached to this instance. */
  InstanceId?: string;
  /** Default cloud; cloud_efficiency, cloud_ssd, cloud_essd, cloud_auto, cloud_essd_entry, ... */
  DiskCategory?: string;
  /** GiB; the range depends on the category. One of Size or SnapshotId is required. */
  Size?: number;
  SnapshotId?: string;
  /** 2–128 chars, starts with a letter; no http:// or https:// prefix. */
  DiskName?: string;
  /** 2–256 chars. */
  Description?: string;
  /** Default false. */
  Encrypted?: boolean;
  KMSKeyId?: string;
  /** ESSD only; default PL1. */
  PerformanceLevel?: 'PL0' | 'PL1' | 'PL2' | 'PL3';
  /** cloud_auto only. */
  ProvisionedIops?: number;
  /** cloud_auto only. */
  BurstingEnabled?: boolean;
  /** Default Disabled. */
  MultiAttach?: 'Disabled' | 'Enabled';
  StorageSetId?: string;
  StorageSetPartitionNumber?: number;
  StorageClusterId?: string;
  ResourceGroupId?: string;
  /** Up to 20 tags. */
  Tag?: TagInput[];
  ClientToken?: string;
}

export interface CreateDiskResponse extends EcsResponse {
  readonly DiskId: string;
  /** Only when a subscription disk was created. */
  readonly OrderId?: string;
}

// AttachDisk --------------------------------------------------------------------------------------

export interface AttachDiskRequest {
  InstanceId: string;
  /** Must be in the instance's zone. */
  DiskId: string;
  /** Default false. */
  DeleteWithInstance?: boolean;
  /** Attach as the system disk (instance Stopped). */
  Bootable?: boolean;
  /** Credentials applied when attaching a system disk. */
  Password?: string;
  KeyPairName?: string;
  Force?: boolean;
  /** Deprecated. */
  Device?: string;
}

// DetachDisk --------------------------------------------------------------------------------------

export interface DetachDiskRequest {
  InstanceId: string;
  DiskId: string;
  /** Default true for a system disk, false for a data disk. */
  DeleteWithInstance?: boolean;
}

// ResizeDisk --------------------------------------------------------------------------------------

export interface ResizeDiskRequest {
  DiskId: string;
  /** GiB; must exceed the current size. The file system is not grown. */
  NewSize: number;
  /** offline (default; needs a restart) or online. */
  Type?: 'offline' | 'online';
  ClientToken?: string;
}

export interface ResizeDiskResponse extends EcsResponse {
  /** Only for subscription disks. */
  readonly OrderId?: string;
}

// DeleteDisk --------------------------------------------------------------------------------------

export interface DeleteDiskRequest {
  /** The disk must be Available; an unknown ID is ignored. */
  DiskId: string;
}

// ModifyDiskAttribute -----------------------------------------------------------------------------

export interface ModifyDiskAttributeRequest {
  /** One of DiskId or DiskIds is required. */
  DiskId?: string;
  /** Batch: up to 100 IDs. Needs RegionId. */
  DiskIds?: string[];
  RegionId?: string;
  /** 2–128 chars, starts with a letter. */
  DiskName?: string;
  /** 2–256 chars. */
  Description?: string;
  /** Unset leaves the value unchanged (same for the flags below). */
  DeleteWithInstance?: boolean;
  DeleteAutoSnapshot?: boolean;
  EnableAutoSnapshot?: boolean;
  BurstingEnabled?: boolean;
}

// ResetDisk ---------------------------------------------------------------------------------------

export interface ResetDiskRequest {
  DiskId: string;
  /** Must be a snapshot of this disk. */
  SnapshotId: string;
  DryRun?: boolean;
}

// ReInitDisk --------------------------------------------------------------------------------------

export interface ReInitDiskRequest {
  DiskId: string;
  /** Start the instance afterwards. Default false. */
  AutoStartInstance?: boolean;
  /** System disk only; 8–30 chars with 3 of: upper, lower, digit, special. */
  Password?: string;
  /** Linux system disk; disables password login. */
  KeyPairName?: string;
  /** Active applies to public images only; default Deactive. */
  SecurityEnhancementStrategy?: 'Active' | 'Deactive';
}

export const diskActions = {
  DescribeDisks: defineAction<DescribeDisksRequest, DescribeDisksResponse>()({
    kind: 'read',
    jsonArrayParams: ['DiskIds'],
    pagination: { items: (r) => r.Disks.Disk, maxPageSize: 100, pageNumber: true, nextToken: true },
  }),
  CreateDisk: defineAction<CreateDiskRequest, CreateDiskResponse>()({ kind: 'write', clientToken: true }),
  AttachDisk: defineAction<AttachDiskRequest, EcsResponse>()({ kind: 'write' }),
  DetachDisk: defineAction<DetachDiskRequest, EcsResponse>()({ kind: 'write' }),
  ResizeDisk: defineAction<ResizeDiskRequest, ResizeDiskResponse>()({ kind: 'write', clientToken: true }),
  DeleteDisk: defineAction<DeleteDiskRequest, EcsResponse>()({ kind: 'write' }),
  ModifyDiskAttribute: defineAction<ModifyDiskAttributeRequest, EcsResponse>()({ kind: 'write' }),
  ResetDisk: defineAction<ResetDiskRequest, EcsResponse>()({ kind: 'write' }),
  ReInitDisk: defineAction<ReInitDiskRequest, EcsResponse>()({ kind: 'write' }),
};
