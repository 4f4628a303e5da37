/** The demo city: departments, one user per role, catalogue, prices, pools and a few systems. */

/** What each demo department may hold at once: a bureau's share of a 2,048-vCPU pool. */
export const demoDepartmentQuota = {
  quotaVcpu: 256,
  quotaRamGb: 1024,
  quotaStorageGb: 40_960,
  quotaMonthlyKrw: 60_000_000,
};

export const demoDepartments = [
  { code: 'IT', nameKo: '정보화담당관', nameEn: 'IT Division', isItDivision: true },
  { code: 'PLAN', nameKo: '기획조정실', nameEn: 'Planning and Coordination Office' },
  { code: 'ADMIN', nameKo: '행정국', nameEn: 'Administration Bureau' },
  { code: 'TRAFFIC', nameKo: '교통국', nameEn: 'Transportation Bureau' },
  { code: 'WELFARE', nameKo: '복지국', nameEn: 'Welfare Bureau' },
  { code: 'ECONOMY', nameKo: '경제국', nameEn: 'Economy Bureau' },
  { code: 'ENV', nameKo: '환경수자원국', nameEn: 'Environment and Water Bureau' },
  { code: 'SAFETY', nameKo: '시민안전실', nameEn: 'Citizen Safety Office' },
  { code: 'CULTURE', nameKo: '문화체육관광국', nameEn: 'Culture, Sports and Tourism Bureau' },
  { code: 'URBAN', nameKo: '도시주택국', nameEn: 'Urban Planning and Housing Bureau' },
  { code: 'HEALTH', nameKo: '시민건강국', nameEn: 'Public Health Bureau' },
] as const;

export const demoUsers = [
  { email: 'staff@dcloud.example', name: '김민수', department: 'TRAFFIC', roles: ['requester'] },
  { email: 'head@dcloud.example', name: '이정희', department: 'TRAFFIC', roles: ['dept_approver'] },
  { email: 'it@dcloud.example', name: '박지훈', department: 'IT', roles: ['it_reviewer'] },
  { email: 'director@dcloud.example', name: '최영수', department: 'PLAN', roles: ['senior_approver'] },
  { email: 'planner@dcloud.example', name: '정수진', department: 'IT', roles: ['planner'] },
  { email: 'admin@dcloud.example', name: '한서연', department: 'IT', roles: ['admin'] },
  { email: 'welfare@dcloud.example', name: '윤하늘', department: 'WELFARE', roles: ['requester'] },
  { email: 'welfare-head@dcloud.example', name: '오세훈', department: 'WELFARE', roles: ['dept_approver'] },
] as const;

export const demoCatalogItems = [
  {
    id: 'vm-standard',
    kind: 'vm',
    nameKo: '가상 서버',
    nameEn: 'Virtual machine',
    descriptionKo: '업무 시스템용 가상 서버(VM). 사양, 운영체제, 디스크를 고릅니다.',
    descriptionEn: 'A virtual machine for a business system: choose its size, OS and disk.',
    sortOrder: 1,
  },
  {
    id: 'platform-slot',
    kind: 'platform_slot',
    nameKo: '플랫폼 슬롯 (PaaS)',
    nameEn: 'Platform slot (PaaS)',
    descriptionKo: '표준 플랫폼에 배포할 수 있는 공간. 런타임과 인스턴스 수를 고릅니다.',
    descriptionEn: 'A space on the standard platform to deploy to: choose runtime and instances.',
    sortOrder: 2,
  },
  {
    id: 'block-volume',
    kind: 'volume',
    nameKo: '블록 볼륨',
    nameEn: 'Block volume',
    descriptionKo: '가상 서버에 붙여 쓰는 추가 디스크.',
    descriptionEn: 'An extra disk to attach to a virtual machine.',
    sortOrder: 3,
  },
  {
    id: 'scale-up',
    kind: 'scale_up',
    nameKo: '일시 증설',
    nameEn: 'Temporary scale-up',
    descriptionKo:
      '사용 중인 자원을 정한 기간 동안만 키웁니다. 기간이 끝나면 원래 사양으로 자동으로 돌아갑니다.',
    descriptionEn:
      'Makes a resource in use bigger for a time window; it returns to its size automatically at the end.',
    sortOrder: 4,
  },
  {
    id: 'resource-resize',
    kind: 'resize',
    nameKo: '사양 변경',
    nameEn: 'Resize',
    descriptionKo: '사용 중인 자원의 사양을 바꿉니다.',
    descriptionEn: 'Changes the size of a resource in use.',
    sortOrder: 5,
  },
] as const;

export const demoFlavors = [
  { id: 'c1m2', name: '1 vCPU · 2 GB', vcpu: 1, ramGb: 2 },
  { id: 'c2m4', name: '2 vCPU · 4 GB', vcpu: 2, ramGb: 4 },
  { id: 'c4m8', name: '4 vCPU · 8 GB', vcpu: 4, ramGb: 8 },
  { id: 'c4m16', name: '4 vCPU · 16 GB', vcpu: 4, ramGb: 16 },
  { id: 'c8m16', name: '8 vCPU · 16 GB', vcpu: 8, ramGb: 16 },
  { id: 'c8m32', name: '8 vCPU · 32 GB', vcpu: 8, ramGb: 32 },
  { id: 'c16m64', name: '16 vCPU · 64 GB', vcpu: 16, ramGb: 64 },
];

export const demoImages = [
  { id: 'rocky-9', name: 'Rocky Linux 9', licenseMonthlyKrw: 0 },
  { id: 'ubuntu-24.04', name: 'Ubuntu 24.04 LTS', licenseMonthlyKrw: 0 },
  { id: 'rhel-9', name: 'Red Hat Enterprise Linux 9', licenseMonthlyKrw: 60_000 },
  { id: 'windows-2022', name: 'Windows Server 2022', licenseMonthlyKrw: 45_000 },
];

export const demoRuntimes = [
  { id: 'egovframe-4', name: '전자정부 표준프레임워크 4 (Spring)' },
  { id: 'spring-boot-3', name: 'Spring Boot 3 (Java 21)' },
  { id: 'nodejs-22', name: 'Node.js 22' },
  { id: 'python-3.12', name: 'Python 3.12' },
];

/** 2026 rate card, integer KRW per month. */
export const demoRateCard = {
  name: '2026년 표준 요금표',
  effectiveFrom: '2026-01-01',
  prices: {
    vcpu: 18_000,
    ram_gb: 6_000,
    storage_gb: 120,
    platform_instance: 25_000,
    dr_backup_pct: 15,
    dr_replicated_pct: 90,
  },
};

export const demoPools = [
  {
    id: 'dc-primary',
    name: '대구 통합데이터센터',
    site: 'primary',
    physicalCores: 512,
    overcommitPct: 400,
    capacityRamGb: 8192,
    capacityStorageGb: 500_000,
  },
  {
    id: 'dc-dr',
    name: '원격지 재해복구센터',
    site: 'dr',
    physicalCores: 256,
    overcommitPct: 400,
    capacityRamGb: 4096,
    capacityStorageGb: 250_000,
  },
] as const;

export const demoSystems = [
  {
    code: 'SYS-BIS',
    department: 'TRAFFIC',
    name: '버스정보시스템(BIS)',
    description: '시내버스 도착 정보 안내',
  },
  {
    code: 'SYS-PARKING',
    department: 'TRAFFIC',
    name: '주정차 단속 시스템',
    description: '불법 주정차 단속·고지',
  },
  {
    code: 'SYS-RELIEF',
    department: 'WELFARE',
    name: '재난지원금 지급 시스템',
    description: '재난지원금 신청·지급',
  },
  { code: 'SYS-RESERVE', department: 'ADMIN', name: '통합예약시스템', description: '공공시설 통합 예약' },
  {
    code: 'SYS-SME',
    department: 'ECONOMY',
    name: '소상공인 지원 포털',
    description: '소상공인 지원사업 신청',
  },
  { code: 'SYS-AIR', department: 'ENV', name: '대기질 측정망', description: '대기질 측정 자료 수집' },
  { code: 'SYS-PORTAL', department: 'IT', name: 'D-클라우드 포털', description: '클라우드 자원 신청·관리' },
] as const;
