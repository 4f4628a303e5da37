import type { CostAssumptions } from '@/lib/costs/assumptions-schema';

// The documented inputs of the demo's D-Cloud history (docs/cost-model.md): its systems, its
// assumption set and the pool's investments. db/seed/demo-history.ts generates the months from them.

export const HISTORY_END = '2021-12';

/** The demo's assumption set (version 1, in force from 2016). Rationale per figure in docs/cost-model.md. */
export const demoCostAssumptionSet: { version: number; name: string; effectiveFrom: string; note: string } & {
  assumptions: CostAssumptions;
} = {
  version: 1,
  name: '2016년 D-클라우드 비용 모형 기준',
  effectiveFrom: '2016-01-01',
  note: '데모 기준 단가: docs/cost-model.md 참고',
  assumptions: {
    hardwareLifetimeYears: 6,
    standalone: {
      serverClasses: [
        { id: 'x86-16c', name: 'x86 1소켓 16코어 64GB', cores: 16, ramGb: 64, priceKrw: 9_000_000 },
        { id: 'x86-32c', name: 'x86 2소켓 32코어 256GB', cores: 32, ramGb: 256, priceKrw: 22_000_000 },
        { id: 'x86-64c', name: 'x86 4소켓 64코어 512GB', cores: 64, ramGb: 512, priceKrw: 55_000_000 },
      ],
      headroomPct: 30,
      prodMinServers: 2,
      storagePricePerGbKrw: 3_000,
      licencePerServerYearKrw: 3_000_000,
      facilityPerServerYearKrw: 2_380_000,
      designProcurementKrw: 20_000_000,
      procurementLeadTimeDays: 120,
    },
    shared: {
      cpuOvercommitPct: 400,
      sellablePct: 80,
      costSharePct: { vcpu: 40, ramGb: 35, storageGb: 15, platformSlot: 10 },
      opexPerYearKrw: { 'dc-primary': 240_000_000 },
      onboardingPerSystemKrw: 5_000_000,
      leadTimeDays: 14,
    },
  },
};

/** Yearly tranches into the primary pool: 5,400,000,000 KRW in all, and the capacity each bought. */
export const demoPoolInvestments = [
  {
    investedOn: '2016-01-15',
    amountKrw: 1_500_000_000,
    description: '1단계: 통합 클라우드 기반 구축(서버·스토리지·네트워크·보안·가상화, 표준 플랫폼)',
    physicalCores: 96,
    ramGb: 1_792,
    storageGb: 60_000,
    platformSlots: 110,
  },
  {
    investedOn: '2017-02-15',
    amountKrw: 800_000_000,
    description: '2단계: 자원 증설, 전환 확대',
    physicalCores: 48,
    ramGb: 768,
    storageGb: 20_000,
    platformSlots: 50,
  },
  {
    investedOn: '2018-02-15',
    amountKrw: 800_000_000,
    description: '3단계: 자원 증설, 표준 플랫폼(PaaS) 고도화',
    physicalCores: 48,
    ramGb: 768,
    storageGb: 20_000,
    platformSlots: 80,
  },
  {
    investedOn: '2019-02-15',
    amountKrw: 800_000_000,
    description: '4단계: 자원 증설, 통합 보안 관리',
    physicalCores: 64,
    ramGb: 512,
    storageGb: 30_000,
    platformSlots: 60,
  },
  {
    investedOn: '2020-02-15',
    amountKrw: 800_000_000,
    description: '5단계: 자원 증설(코로나19 대응 포함)',
    physicalCores: 32,
    ramGb: 768,
    storageGb: 20_000,
    platformSlots: 80,
  },
  {
    investedOn: '2021-02-15',
    amountKrw: 700_000_000,
    description: '6단계: 자원 증설, 전환 완료',
    physicalCores: 64,
    ramGb: 512,
    storageGb: 20_000,
    platformSlots: 60,
  },
].map((i) => ({ poolId: 'dc-primary', ...i }));

/** Temporary scale-ups (the article's reservation-system peak; the 2020 relief payments): month → ×. */
export const scaleUps: Record<string, Record<string, number>> = {
  'SYS-RESERVE': { '03': 2, '09': 2 },
  'SYS-RELIEF': { '2020-03': 3, '2020-04': 3, '2020-05': 2, '2020-09': 2 },
};

/**
 * The 78 business systems of the demo's D-Cloud history (the article: 14 moved in 2016, about ten a
 * year after, 78 by 2021). The seven systems of demo-data.ts are among them under their own codes.
 * size: s (small), m (medium), l (large) peak demand; env: dev systems get no redundant server.
 */
export type DemoHistorySystem = {
  code: string;
  department: string;
  name: string;
  size: 's' | 'm' | 'l';
  env: 'dev' | 'prod';
  year: number;
  /** the move month when it is known from the story; otherwise drawn for the year */
  month?: number;
};

const sys = (
  year: number,
  code: string,
  department: string,
  name: string,
  size: DemoHistorySystem['size'],
  env: DemoHistorySystem['env'] = 'prod',
  month?: number,
): DemoHistorySystem => ({ code, department, name, size, env, year, ...(month ? { month } : {}) });

export const demoHistorySystems: DemoHistorySystem[] = [
  // 2016: the first 14
  sys(2016, 'SYS-PORTAL', 'IT', 'D-클라우드 포털', 'm', 'prod', 3),
  sys(2016, 'SYS-BIS', 'TRAFFIC', '버스정보시스템(BIS)', 'l'),
  sys(2016, 'SYS-HOMEPAGE', 'IT', '대구시 대표 홈페이지', 'l'),
  sys(2016, 'SYS-MINWON', 'ADMIN', '민원 안내', 'm'),
  sys(2016, 'SYS-SSO', 'IT', '통합 인증(SSO)', 's'),
  sys(2016, 'SYS-GROUPWARE', 'IT', '업무 포털(그룹웨어)', 'm'),
  sys(2016, 'SYS-WATERBILL', 'ENV', '상수도 요금 관리', 'l'),
  sys(2016, 'SYS-BUDGET', 'PLAN', '예산 편성·집행 관리', 'm'),
  sys(2016, 'SYS-HR', 'ADMIN', '인사 관리', 'm'),
  sys(2016, 'SYS-ITS', 'TRAFFIC', '교통정보센터(ITS)', 'l'),
  sys(2016, 'SYS-CCTV', 'SAFETY', 'CCTV 통합관제', 'l'),
  sys(2016, 'SYS-LIBRARY', 'CULTURE', '시립도서관 통합 서비스', 'm'),
  sys(2016, 'SYS-DEVTEST', 'IT', '개발·시험 환경', 'm', 'dev'),
  sys(2016, 'SYS-GIS', 'URBAN', '공간정보 플랫폼(GIS)', 'l'),
  // 2017
  sys(2017, 'SYS-PARKING', 'TRAFFIC', '주정차 단속 시스템', 'm'),
  sys(2017, 'SYS-PARKINFO', 'TRAFFIC', '공영주차장 안내', 's'),
  sys(2017, 'SYS-WELFAREINFO', 'WELFARE', '복지 서비스 안내', 's'),
  sys(2017, 'SYS-JOBS', 'ECONOMY', '일자리 정보망', 'm'),
  sys(2017, 'SYS-PERMIT', 'URBAN', '건축 인허가', 'm'),
  sys(2017, 'SYS-PROPERTY', 'ADMIN', '공유재산 관리', 's'),
  sys(2017, 'SYS-DISASTERMSG', 'SAFETY', '재난 안전 문자', 's'),
  sys(2017, 'SYS-TOUR', 'CULTURE', '관광 안내 포털', 'm'),
  sys(2017, 'SYS-HEALTHCENTER', 'HEALTH', '보건소 통합 관리', 'm'),
  sys(2017, 'SYS-WASTE', 'ENV', '폐기물 관리', 's'),
  sys(2017, 'SYS-PERFORMANCE', 'PLAN', '성과 관리', 's'),
  sys(2017, 'SYS-RECORDS', 'ADMIN', '기록물 관리', 'm'),
  sys(2017, 'SYS-OPENDATA', 'IT', '공공데이터 개방 포털', 'm'),
  // 2018
  sys(2018, 'SYS-AIR', 'ENV', '대기질 측정망', 'm'),
  sys(2018, 'SYS-RESERVE', 'ADMIN', '통합예약시스템', 'l'),
  sys(2018, 'SYS-BIKE', 'TRAFFIC', '공공자전거 대여', 's'),
  sys(2018, 'SYS-CALLTAXI', 'TRAFFIC', '교통약자 이동지원 콜택시', 's'),
  sys(2018, 'SYS-SENIORJOB', 'WELFARE', '노인 일자리 관리', 's'),
  sys(2018, 'SYS-FOODCARD', 'WELFARE', '아동 급식 카드', 'm'),
  sys(2018, 'SYS-STARTUP', 'ECONOMY', '창업 지원 플랫폼', 's'),
  sys(2018, 'SYS-SEWER', 'ENV', '하수도 관리', 'm'),
  sys(2018, 'SYS-RIVER', 'SAFETY', '하천 수위 감시', 's'),
  sys(2018, 'SYS-FESTIVAL', 'CULTURE', '지역 축제 안내', 's', 'dev'),
  sys(2018, 'SYS-HOUSING', 'URBAN', '공동주택 관리', 's'),
  sys(2018, 'SYS-FOODSAFETY', 'HEALTH', '식품 위생 관리', 's'),
  sys(2018, 'SYS-PROPOSAL', 'PLAN', '시민 제안', 's'),
  // 2019
  sys(2019, 'SYS-TAXI', 'TRAFFIC', '택시 운행 관리', 's'),
  sys(2019, 'SYS-TRANSFER', 'TRAFFIC', '대중교통 환승 할인', 'm'),
  sys(2019, 'SYS-DISABLED', 'WELFARE', '장애인 활동 지원', 's'),
  sys(2019, 'SYS-YOUTH', 'WELFARE', '청년 수당 신청', 's'),
  sys(2019, 'SYS-MARKET', 'ECONOMY', '전통시장 지원', 's'),
  sys(2019, 'SYS-VOUCHER', 'ECONOMY', '지역사랑상품권 관리', 'm'),
  sys(2019, 'SYS-WATERQUALITY', 'ENV', '수질 측정 정보', 's'),
  sys(2019, 'SYS-DISASTER', 'SAFETY', '재난 상황 관리', 'm'),
  sys(2019, 'SYS-SPORTS', 'CULTURE', '체육시설 예약', 's'),
  sys(2019, 'SYS-REGEN', 'URBAN', '도시재생 사업 관리', 's'),
  sys(2019, 'SYS-LANDINFO', 'URBAN', '토지 정보', 'm'),
  sys(2019, 'SYS-BIGDATA', 'IT', '빅데이터 분석 플랫폼', 'l'),
  sys(2019, 'SYS-TAXINFO', 'ADMIN', '지방세 안내', 's'),
  // 2020: COVID-19 — disaster relief paid first in the country, on a system built on D-Cloud
  sys(2020, 'SYS-RELIEF', 'WELFARE', '재난지원금 지급 시스템', 'm', 'prod', 3),
  sys(2020, 'SYS-SME', 'ECONOMY', '소상공인 지원 포털', 'm', 'prod', 4),
  sys(2020, 'SYS-INFECT', 'HEALTH', '감염병 대응', 'm', 'prod', 2),
  sys(2020, 'SYS-SCREENING', 'HEALTH', '선별진료소 안내', 's', 'prod', 3),
  sys(2020, 'SYS-EMERGENCY', 'WELFARE', '긴급 복지 지원', 's'),
  sys(2020, 'SYS-NONTAX', 'ADMIN', '세외수입 관리', 'm'),
  sys(2020, 'SYS-CALLCENTER', 'ADMIN', '120 콜센터 상담 관리', 'm'),
  sys(2020, 'SYS-CIVILDEF', 'SAFETY', '민방위 교육 관리', 's'),
  sys(2020, 'SYS-ONLINEEDU', 'CULTURE', '온라인 문화 강좌', 's', 'dev'),
  sys(2020, 'SYS-INVEST', 'ECONOMY', '투자 유치 관리', 's'),
  sys(2020, 'SYS-PARKS', 'ENV', '녹지·공원 관리', 's'),
  sys(2020, 'SYS-ADDRESS', 'URBAN', '도로명 주소 관리', 's'),
  sys(2020, 'SYS-ROADOCC', 'TRAFFIC', '도로 점용 허가', 's'),
  // 2021: 78 in all
  sys(2021, 'SYS-VACCINE', 'HEALTH', '예방접종 안내', 's', 'prod', 2),
  sys(2021, 'SYS-EMERGMED', 'HEALTH', '응급의료 정보', 's'),
  sys(2021, 'SYS-SAFETYREPORT', 'SAFETY', '안전 신고 처리', 's'),
  sys(2021, 'SYS-EARTHQUAKE', 'SAFETY', '지진 대응 정보', 's'),
  sys(2021, 'SYS-BIZSUPPORT', 'ECONOMY', '기업 지원 통합관리', 'm'),
  sys(2021, 'SYS-HERITAGE', 'CULTURE', '문화재 관리', 's'),
  sys(2021, 'SYS-ENVIMPACT', 'ENV', '환경 영향 평가 정보', 's'),
  sys(2021, 'SYS-URBANPLAN', 'URBAN', '도시계획 정보', 'm'),
  sys(2021, 'SYS-ASSETS', 'IT', '정보자원 관리', 's', 'dev'),
  sys(2021, 'SYS-LAW', 'PLAN', '자치법규 관리', 's'),
  sys(2021, 'SYS-HUB', 'IT', '행정정보 연계 허브', 'm'),
  sys(2021, 'SYS-HEALTHPROMO', 'HEALTH', '건강 증진 프로그램', 's'),
];
