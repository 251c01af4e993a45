namespace CadreRules;

/// <summary>The kind of an organizational unit (单位).</summary>
public enum UnitKind
{
    /// <summary>County 县.</summary>
    County,
    /// <summary>District 区.</summary>
    District,
    /// <summary>Park 园区 (development zone).</summary>
    Park,
    /// <summary>Department 部门.</summary>
    Department,
}

/// <summary>The rank of a cadre (职级).</summary>
public enum CadreRank
{
    /// <summary>Deputy section level 副科.</summary>
    DeputySection,
    /// <summary>Section level 正科.</summary>
    Section,
    /// <summary>Deputy division level 副处.</summary>
    DeputyDivision,
    /// <summary>Division level 正处.</summary>
    Division,
    /// <summary>Deputy bureau level 副厅.</summary>
    DeputyBureau,
    /// <summary>Bureau level 正厅.</summary>
    Bureau,
}

/// <summary>The oversight or assessment channel through which evidence was gathered.</summary>
public enum EvidenceChannel
{
    /// <summary>Interviews and visits 谈话走访.</summary>
    Interview,
    /// <summary>Field research 实地调研.</summary>
    FieldResearch,
    /// <summary>Supervision 督查 (an oversight channel for IDENT-04).</summary>
    Supervision,
    /// <summary>Inspection 巡察 (an oversight channel for IDENT-04).</summary>
    Inspection,
    /// <summary>Audit 审计 (an oversight channel for IDENT-04).</summary>
    Audit,
    /// <summary>Key-task review 督导调研 (an oversight channel for IDENT-04).</summary>
    KeyTaskReview,
    /// <summary>Special stationed inspection 专项进驻 (an oversight channel for IDENT-04).</summary>
    StationedInspection,
    /// <summary>Public report 群众反映.</summary>
    PublicReport,
    /// <summary>Any other channel.</summary>
    Other,
}

/// <summary>The kind of an evidence record.</summary>
public enum EvidenceKind
{
    /// <summary>A work-style problem 作风问题 (庸散懒, 推拖绕).</summary>
    WorkStyle,
    /// <summary>A political negative-list finding 政治负面清单.</summary>
    NegativeList,
    /// <summary>A rating of performance in a key task 重点任务.</summary>
    KeyTask,
    /// <summary>An observation of attitude 态度.</summary>
    Attitude,
}

/// <summary>A work-style problem (庸散懒, 推拖绕).</summary>
public enum WorkStyleProblem
{
    /// <summary>Mediocre 庸.</summary>
    Mediocre,
    /// <summary>Lax 散.</summary>
    Lax,
    /// <summary>Lazy 懒.</summary>
    Lazy,
    /// <summary>Shirking 推.</summary>
    Shirking,
    /// <summary>Delaying 拖.</summary>
    Delaying,
    /// <summary>Evading 绕.</summary>
    Evading,
}

/// <summary>The severity of a work-style problem.</summary>
public enum Severity
{
    /// <summary>Minor 一般.</summary>
    Minor,
    /// <summary>Serious 严重.</summary>
    Serious,
}

/// <summary>The verification status of a finding.</summary>
public enum FindingStatus
{
    /// <summary>An early sign 苗头性、倾向性问题, not yet verified.</summary>
    EarlySign,
    /// <summary>Verified 查实.</summary>
    Verified,
    /// <summary>Unfounded 查否: never counts for anything, but stays in the audit trail.</summary>
    Unfounded,
}

/// <summary>A political negative-list category: the seven of 七个有之 plus two-faced cadres (两面人).</summary>
public enum NegativeListCategory
{
    /// <summary>任人唯亲、排斥异己.</summary>
    Cronyism,
    /// <summary>团团伙伙、拉帮结派.</summary>
    Cliques,
    /// <summary>匿名诬告、制造谣言.</summary>
    FalseAccusation,
    /// <summary>收买人心、拉动选票.</summary>
    BuyingSupport,
    /// <summary>封官许愿、弹冠相庆.</summary>
    PromisingPosts,
    /// <summary>自行其是、阳奉阴违.</summary>
    DefyingOrders,
    /// <summary>尾大不掉、妄议中央.</summary>
    UnchallengeablePower,
    /// <summary>两面人 (two-faced).</summary>
    TwoFaced,
}

/// <summary>A key task 重点任务.</summary>
public enum KeyTaskKind
{
    /// <summary>Epidemic prevention 疫情防控.</summary>
    EpidemicPrevention,
    /// <summary>Work safety 安全生产.</summary>
    WorkSafety,
    /// <summary>Project construction 项目建设.</summary>
    ProjectConstruction,
    /// <summary>Thematic education 主题教育.</summary>
    ThematicEducation,
    /// <summary>Any other key task.</summary>
    Other,
}

/// <summary>The rating of a cadre's performance in a key task.</summary>
public enum KeyTaskRating
{
    /// <summary>Outstanding 突出.</summary>
    Outstanding,
    /// <summary>Good 良好.</summary>
    Good,
    /// <summary>Poor 较差.</summary>
    Poor,
    /// <summary>Failed 未完成.</summary>
    Failed,
}

/// <summary>An observed attitude 态度.</summary>
public enum AttitudeRating
{
    /// <summary>Positive 态度积极.</summary>
    Positive,
    /// <summary>Negative 态度消极.</summary>
    Negative,
}

/// <summary>An annual assessment grade 年度考核等次.</summary>
public enum AnnualGradeLevel
{
    /// <summary>Excellent 优秀.</summary>
    Excellent,
    /// <summary>Competent 称职.</summary>
    Competent,
    /// <summary>Basically competent 基本称职.</summary>
    BasicallyCompetent,
    /// <summary>Incompetent 不称职.</summary>
    Incompetent,
}

/// <summary>The kind of a measure already taken about a cadre (the influence-period table of POLICY.md).</summary>
public enum MeasureKind
{
    /// <summary>Reminder talk 提醒谈话.</summary>
    ReminderTalk,
    /// <summary>Written inquiry 函询.</summary>
    WrittenInquiry,
    /// <summary>Admonishment 诫勉.</summary>
    Admonishment,
    /// <summary>Transfer from post 调离岗位 (adjustment-type).</summary>
    PostTransfer,
    /// <summary>Removal from office 免职 (adjustment-type).</summary>
    Removal,
    /// <summary>Ordered resignation 责令辞职 (adjustment-type).</summary>
    OrderedResignation,
    /// <summary>Resignation for fault 引咎辞职 (adjustment-type).</summary>
    ResignationForFault,
    /// <summary>Demotion 降职 (adjustment-type).</summary>
    Demotion,
    /// <summary>Party warning 警告 (党纪处分).</summary>
    PartyWarning,
    /// <summary>Party serious warning 严重警告 (党纪处分).</summary>
    PartySeriousWarning,
    /// <summary>Removal from party post 撤销党内职务 (党纪处分).</summary>
    PartyPostRemoval,
    /// <summary>Party probation 留党察看 (党纪处分).</summary>
    PartyProbation,
    /// <summary>Government warning 警告 (政务处分).</summary>
    GovWarning,
    /// <summary>Government demerit 记过 (政务处分).</summary>
    GovDemerit,
    /// <summary>Government major demerit 记大过 (政务处分).</summary>
    GovMajorDemerit,
    /// <summary>Government demotion in grade 降级 (政务处分, adjustment-type).</summary>
    GovDemotion,
    /// <summary>Government dismissal from post 撤职 (政务处分, adjustment-type).</summary>
    GovDismissalFromPost,
    /// <summary>Promotion 提拔 (an outcome, not a sanction).</summary>
    Promotion,
    /// <summary>Rank advance 晋升职级 (an outcome, not a sanction).</summary>
    RankAdvance,
    /// <summary>Reappointment 重新任职 (an outcome, not a sanction).</summary>
    Reappointment,
}

/// <summary>A board (榜) of the two-boards mechanism.</summary>
public enum Board
{
    /// <summary>Red board 红榜.</summary>
    Red,
    /// <summary>Yellow board 黄榜.</summary>
    Yellow,
}

/// <summary>A half of a year.</summary>
public enum PeriodHalf
{
    /// <summary>First half, Jan 1 – Jun 30 (mid-year 年中).</summary>
    H1 = 1,
    /// <summary>Second half, Jul 1 – Dec 31 (year-end 年底).</summary>
    H2 = 2,
}
