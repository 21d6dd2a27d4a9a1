<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BusStats</name>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="60"/>
        <source>frames/s</source>
        <translation>帧/秒</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="61"/>
        <source>bus load</source>
        <translation>总线负载</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="62"/>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="63"/>
        <source>error frames</source>
        <translation>错误帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="64"/>
        <source>unknown IDs</source>
        <translation>未知 ID</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="65"/>
        <source>IDs seen</source>
        <translation>已见 ID</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="127"/>
        <source>● Recording {name} · {frames} frames</source>
        <translation>● 正在录制 {name} · {frames} 帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="135"/>
        <source>Saved {name} · {frames} frames</source>
        <translation>已保存 {name} · {frames} 帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="164"/>
        <source>■  Stop</source>
        <translation>■  停止</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="164"/>
        <source>●  Record</source>
        <translation>●  录制</translation>
    </message>
</context>
<context>
    <name>CabinPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="65"/>
        <location filename="../../ui/panels/cabin.py" line="65"/>
        <location filename="../../ui/panels/cabin.py" line="102"/>
        <source>Cabin</source>
        <translation>座舱</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="78"/>
        <source>Climate</source>
        <translation>空调</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="79"/>
        <source>Seats</source>
        <translation>座椅</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="80"/>
        <source>Windows &amp;&amp; doors</source>
        <translation>车窗与车门</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="81"/>
        <source>Lights</source>
        <translation>灯光</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="82"/>
        <source>Drive &amp;&amp; charging</source>
        <translation>驾驶与充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="131"/>
        <location filename="../../ui/panels/cabin.py" line="175"/>
        <source>Driver</source>
        <translation>主驾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="135"/>
        <location filename="../../ui/panels/cabin.py" line="176"/>
        <source>Passenger</source>
        <translation>副驾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="137"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="142"/>
        <source>Fan</source>
        <translation>风量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="144"/>
        <location filename="../../ui/panels/cabin.py" line="273"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="145"/>
        <source>A/C</source>
        <translation>A/C</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="150"/>
        <source>Air</source>
        <translation>空气</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="151"/>
        <source>Recirculate</source>
        <translation>内循环</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="152"/>
        <source>Windscreen defrost</source>
        <translation>前挡除雾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="153"/>
        <source>Rear defrost</source>
        <translation>后窗除雾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="159"/>
        <source>Face</source>
        <translation>吹面</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="160"/>
        <source>Face + feet</source>
        <translation>吹面+吹脚</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="161"/>
        <source>Feet</source>
        <translation>吹脚</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="162"/>
        <source>Feet + screen</source>
        <translation>吹脚+除雾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="163"/>
        <source>Screen</source>
        <translation>除雾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="166"/>
        <source>Distribution</source>
        <translation>出风模式</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="177"/>
        <source>Rear left</source>
        <translation>左后</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="178"/>
        <source>Rear right</source>
        <translation>右后</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="182"/>
        <location filename="../../ui/panels/cabin.py" line="219"/>
        <source>Heating</source>
        <translation>加热</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="183"/>
        <source>Ventilation</source>
        <translation>通风</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="184"/>
        <location filename="../../ui/panels/cabin.py" line="211"/>
        <source>Massage</source>
        <translation>按摩</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="185"/>
        <source>Programme</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="186"/>
        <source>Intensity</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="196"/>
        <source>Wave</source>
        <translation>波浪</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="197"/>
        <source>Cat</source>
        <translation>猫步</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="198"/>
        <source>Stretch</source>
        <translation>舒展</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="199"/>
        <source>Pulse</source>
        <translation>脉冲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="200"/>
        <source>Shoulder</source>
        <translation>肩部</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="201"/>
        <source>Lumbar</source>
        <translation>腰部</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="218"/>
        <source>Steering wheel</source>
        <translation>方向盘</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="228"/>
        <source>Driver window</source>
        <translation>主驾车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="229"/>
        <source>Passenger window</source>
        <translation>副驾车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="230"/>
        <source>Rear left window</source>
        <translation>左后车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="231"/>
        <source>Rear right window</source>
        <translation>右后车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="240"/>
        <location filename="../../ui/panels/cabin.py" line="249"/>
        <location filename="../../ui/panels/cabin.py" line="303"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="241"/>
        <location filename="../../ui/panels/cabin.py" line="250"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="247"/>
        <source>All windows</source>
        <translation>全部车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="248"/>
        <source>Rear child lock</source>
        <translation>后排儿童锁</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="252"/>
        <source>Sunroof</source>
        <translation>天窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="253"/>
        <source>Sunshade</source>
        <translation>遮阳帘</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="257"/>
        <source>Locks and lids</source>
        <translation>门锁与舱盖</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="258"/>
        <source>Locked</source>
        <translation>已上锁</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="259"/>
        <source>Tailgate</source>
        <translation>尾门</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="260"/>
        <source>Frunk</source>
        <translation>前备箱</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="272"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="274"/>
        <source>Low beam</source>
        <translation>近光</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="275"/>
        <source>High beam</source>
        <translation>远光</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="278"/>
        <source>Exterior</source>
        <translation>车外灯光</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="279"/>
        <source>Ambient</source>
        <translation>氛围灯</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="279"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="280"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="281"/>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="291"/>
        <source>Eco</source>
        <translation>经济</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="291"/>
        <source>Comfort</source>
        <translation>舒适</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="291"/>
        <source>Sport</source>
        <translation>运动</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="296"/>
        <source>Coast</source>
        <translation>滑行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="296"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="296"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="296"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="298"/>
        <source>Drive mode</source>
        <translation>驾驶模式</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="299"/>
        <source>Regeneration</source>
        <translation>能量回收</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="301"/>
        <source>Charge limit</source>
        <translation>充电上限</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="303"/>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="304"/>
        <source>Charge port</source>
        <translation>充电口</translation>
    </message>
</context>
<context>
    <name>CanMonitorPanel</name>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="215"/>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="215"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="215"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/panels/__init__.py" line="79"/>
        <location filename="../../ui/panels/can_monitor.py" line="240"/>
        <source>CAN monitor</source>
        <translation>CAN 监视器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="443"/>
        <source>{signal} · last 60 s</source>
        <translation>{signal} · 最近 60 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="446"/>
        <source>Tap a signal to plot it (last 60 s)</source>
        <translation>点击信号查看曲线（最近 60 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="449"/>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="452"/>
        <source>Tap an ID to see its signals</source>
        <translation>点击 ID 查看信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="475"/>
        <source>No DBC message for this ID</source>
        <translation>DBC 中没有此 ID 的报文</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="477"/>
        <source>This frame does not fit its DBC message</source>
        <translation>此帧与 DBC 报文定义不符</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="573"/>
        <source>Cannot record: {line}</source>
        <translation>无法录制：{line}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="591"/>
        <source>Recording failed: {line}</source>
        <translation>录制失败：{line}</translation>
    </message>
</context>
<context>
    <name>CommandControls</name>
    <message>
        <location filename="../../ui/widgets/command_controls.py" line="53"/>
        <source>Waiting for the car to confirm</source>
        <translation>等待车辆确认</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="72"/>
        <location filename="../../ui/panels/diagnostics.py" line="110"/>
        <source>Vehicle health</source>
        <translation>车辆健康</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="107"/>
        <source>Not scanned yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="116"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="117"/>
        <source>Read codes</source>
        <translation>读取故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="118"/>
        <source>Clear codes…</source>
        <translation>清除故障码…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="130"/>
        <source>Faults (developer)</source>
        <translation>故障注入（开发者）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="149"/>
        <source>Tyre pressure low: front left</source>
        <translation>胎压过低：左前</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="150"/>
        <source>Tyre pressure low: front right</source>
        <translation>胎压过低：右前</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="151"/>
        <source>Tyre pressure low: rear left</source>
        <translation>胎压过低：左后</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="152"/>
        <source>Tyre pressure low: rear right</source>
        <translation>胎压过低：右后</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="153"/>
        <source>12 V battery low</source>
        <translation>12 V 蓄电池电压低</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="154"/>
        <source>Battery cells out of balance</source>
        <translation>电芯不均衡</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="155"/>
        <source>High-voltage isolation fault</source>
        <translation>高压绝缘故障</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="156"/>
        <source>Charging fault</source>
        <translation>充电故障</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="157"/>
        <source>Outside temperature sensor lost</source>
        <translation>车外温度传感器信号丢失</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="158"/>
        <source>TPMS stops answering diagnostics</source>
        <translation>胎压模块停止响应诊断</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="167"/>
        <source>Clear codes</source>
        <translation>清除故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="168"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="178"/>
        <source>ECUs</source>
        <translation>控制单元</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="187"/>
        <source>Trouble codes</source>
        <translation>故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="205"/>
        <source>ECU information</source>
        <translation>控制单元信息</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="206"/>
        <source>Select an ECU</source>
        <translation>请选择控制单元</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="232"/>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="235"/>
        <source>Reading trouble codes…</source>
        <translation>正在读取故障码…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="242"/>
        <source>Clear the stored trouble codes of %1 ECUs? Codes of faults that are still present come back at the next self-test.</source>
        <translation>清除 %1 个控制单元中存储的故障码？仍然存在的故障会在下一次自检时重新出现。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="252"/>
        <source>Clearing trouble codes…</source>
        <translation>正在清除故障码…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="255"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="336"/>
        <source>Codes cleared in %1 s</source>
        <translation>故障码已清除，用时 %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="338"/>
        <source>Codes read in %1 s</source>
        <translation>故障码已读取，用时 %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="354"/>
        <source>%1 of %2 ECUs answered in %3 s</source>
        <translation>%2 个控制单元中有 %1 个应答，用时 %3 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="362"/>
        <source>No answer from %1 after %2 s</source>
        <translation>%1 在 %2 秒内无应答</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="392"/>
        <source>No codes from the ECUs that answered</source>
        <translation>已应答的控制单元没有故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="394"/>
        <source>No trouble codes stored</source>
        <translation>没有存储的故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="407"/>
        <source>no codes</source>
        <translation>无故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="409"/>
        <source>1 code</source>
        <translation>1 个故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="411"/>
        <source>%1 codes</source>
        <translation>%1 个故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="440"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>DtcTableModel</name>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="21"/>
        <source>ECU</source>
        <translation>控制单元</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="22"/>
        <source>Code</source>
        <translation>故障码</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="23"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="24"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="25"/>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="26"/>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="27"/>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="30"/>
        <source>active</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="31"/>
        <location filename="../../ui/models/dtc_table.py" line="38"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="32"/>
        <source>stored</source>
        <translation>已存储</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="33"/>
        <source>passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="36"/>
        <source>test failed</source>
        <translation>测试失败</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="37"/>
        <source>failed this cycle</source>
        <translation>本循环失败</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="39"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="40"/>
        <source>not tested since clear</source>
        <translation>清除后未测试</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="41"/>
        <source>failed since clear</source>
        <translation>清除后失败过</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="42"/>
        <source>not tested this cycle</source>
        <translation>本循环未测试</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="43"/>
        <source>warning lamp</source>
        <translation>警告灯</translation>
    </message>
</context>
<context>
    <name>EnergyPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="44"/>
        <location filename="../../ui/panels/energy.py" line="56"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="84"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="90"/>
        <source>Power flow</source>
        <translation>能量流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="96"/>
        <source>Power and speed, last 5 minutes</source>
        <translation>功率与车速（最近 5 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="130"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="102"/>
        <source>Consumption per km</source>
        <translation>每公里能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="173"/>
        <source>Distance</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="174"/>
        <source>Energy used</source>
        <translation>耗电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="175"/>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="176"/>
        <source>Regenerated</source>
        <translation>能量回收</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="178"/>
        <source>Trip computer</source>
        <translation>行车电脑</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="182"/>
        <source>Since start</source>
        <translation>本次行程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="186"/>
        <source>Trip ⟲</source>
        <translation>小计 ⟲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="187"/>
        <source>Reset trip</source>
        <translation>小计里程清零</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="206"/>
        <source>Battery pack</source>
        <translation>电池包</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="208"/>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="209"/>
        <source>Current</source>
        <translation>电流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="210"/>
        <source>Temperature min / avg / max</source>
        <translation>温度 最低 / 平均 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="211"/>
        <source>Cells min / max</source>
        <translation>单体最低 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="212"/>
        <source>Cell delta</source>
        <translation>单体压差</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="218"/>
        <location filename="../../ui/panels/energy.py" line="316"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="219"/>
        <location filename="../../ui/panels/energy.py" line="309"/>
        <source>Not charging</source>
        <translation>未在充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="232"/>
        <source>Range extender</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="234"/>
        <source>Fuel</source>
        <translation>油量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="235"/>
        <source>Generator</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="236"/>
        <source>Electric range</source>
        <translation>纯电续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="237"/>
        <source>Total range</source>
        <translation>综合续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="310"/>
        <source>Plug in to see the power curve.</source>
        <translation>插枪后显示充电功率曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="316"/>
        <source>Charging finished</source>
        <translation>充电完成</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="318"/>
        <source>target {0:.0f} %</source>
        <translation>目标 {0:.0f} %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="321"/>
        <source>{0} h {1:02d} min to target</source>
        <translation>距目标 {0} 小时 {1:02d} 分</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="322"/>
        <source>{0:.1f} kWh added</source>
        <translation>已充 {0:.1f} kWh</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="369"/>
        <source>Trip average {0:.0f} {1}</source>
        <translation>小计平均 {0:.0f} {1}</translation>
    </message>
</context>
<context>
    <name>FrameTableModel</name>
    <message>
        <location filename="../../ui/models/frame_table.py" line="132"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="133"/>
        <source>Message</source>
        <translation>报文</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="134"/>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="135"/>
        <source>Rate Hz</source>
        <translation>频率 Hz</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="136"/>
        <source>DLC</source>
        <translation>DLC</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_table.py" line="137"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>HeadUnitWindow</name>
    <message>
        <location filename="../../ui/shell.py" line="85"/>
        <source>Talk</source>
        <translation>说话</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="88"/>
        <source>Push to talk (F2)</source>
        <translation>按下说话 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="180"/>
        <source>voice: unavailable</source>
        <translation>语音：不可用</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="184"/>
        <source>there is no {0} screen here</source>
        <translation>这里没有 {0} 界面</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="190"/>
        <source>navigation is not available here</source>
        <translation>这里没有导航</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="197"/>
        <source>the map is still loading</source>
        <translation>地图仍在加载</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="206"/>
        <source>nothing like that on this map</source>
        <translation>地图上没有找到</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="209"/>
        <source>Route to {0}.</source>
        <translation>前往 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="213"/>
        <source>Navigation cancelled.</source>
        <translation>导航已取消。</translation>
    </message>
</context>
<context>
    <name>HomePanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="37"/>
        <location filename="../../ui/panels/home.py" line="105"/>
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="43"/>
        <source>Drive</source>
        <translation>行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="47"/>
        <location filename="../../ui/panels/home.py" line="175"/>
        <source>No route</source>
        <translation>未设置路线</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="53"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="65"/>
        <source>Now playing</source>
        <translation>正在播放</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="80"/>
        <source>Climate</source>
        <translation>空调</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="89"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="90"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="91"/>
        <source>Climate and seats</source>
        <translation>空调与座椅</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="92"/>
        <location filename="../../ui/panels/home.py" line="140"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="142"/>
        <source>Plugged in</source>
        <translation>已插枪</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="144"/>
        <source>Range %1</source>
        <translation>续航 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="157"/>
        <source>Fan %1</source>
        <translation>风量 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="180"/>
        <source>Nothing playing</source>
        <translation>未在播放</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="58"/>
        <location filename="../../ui/panels/media.py" line="146"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="71"/>
        <source>Search artists, albums, songs</source>
        <translation>搜索艺人、专辑、歌曲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="109"/>
        <source>Shuffle</source>
        <translation>随机播放</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="175"/>
        <source>All artists</source>
        <translation>全部艺人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="186"/>
        <source>Scanning %1…</source>
        <translation>正在扫描 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="190"/>
        <source>%1 songs</source>
        <translation>%1 首歌曲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="192"/>
        <source>%1 files could not be read</source>
        <translation>%1 个文件无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="198"/>
        <source>Nothing playing</source>
        <translation>未在播放</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="199"/>
        <source>Choose a song</source>
        <translation>请选择歌曲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="215"/>
        <source>Repeat all</source>
        <translation>全部循环</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="216"/>
        <source>Repeat one</source>
        <translation>单曲循环</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="216"/>
        <source>Repeat off</source>
        <translation>不循环</translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="51"/>
        <location filename="../../ui/panels/navigation.py" line="93"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="109"/>
        <source>Search streets and places</source>
        <translation>搜索街道和地点</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="117"/>
        <location filename="../../ui/panels/navigation.py" line="336"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="118"/>
        <location filename="../../ui/panels/navigation.py" line="337"/>
        <source>Fuel</source>
        <translation>油量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="119"/>
        <location filename="../../ui/panels/navigation.py" line="338"/>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="134"/>
        <source>Charge there</source>
        <translation>前往充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="138"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="149"/>
        <location filename="../../ui/panels/navigation.py" line="496"/>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="152"/>
        <source>North up / heading up</source>
        <translation>正北朝上 / 车头朝上</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="157"/>
        <source>Follow the car</source>
        <translation>跟随车辆</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="161"/>
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="265"/>
        <source>Importing the map: %1 %</source>
        <translation>正在导入地图：%1 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="268"/>
        <source>Map not loaded: %1</source>
        <translation>地图未加载：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="325"/>
        <source>Nothing found</source>
        <translation>未找到结果</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="335"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="354"/>
        <source>No position yet: waiting for GPS</source>
        <translation>尚无定位：等待 GPS</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="378"/>
        <source>Off the route: finding a new one…</source>
        <translation>已偏离路线：正在重新规划…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="418"/>
        <source>Arrive at %1</source>
        <translation>到达 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="420"/>
        <source>At the roundabout take exit %1</source>
        <translation>在环岛驶出第 %1 出口</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="422"/>
        <source>Keep left</source>
        <translation>靠左行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="422"/>
        <source>Keep right</source>
        <translation>靠右行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="424"/>
        <source>Continue straight</source>
        <translation>继续直行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="426"/>
        <source>Make a U-turn</source>
        <translation>掉头</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="429"/>
        <source>Turn left</source>
        <translation>左转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="430"/>
        <source>Turn right</source>
        <translation>右转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="431"/>
        <source>Turn slightly left</source>
        <translation>向左前方行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="432"/>
        <source>Turn slightly right</source>
        <translation>向右前方行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="433"/>
        <source>Turn sharp left</source>
        <translation>向左后方急转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="434"/>
        <source>Turn sharp right</source>
        <translation>向右后方急转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="435"/>
        <location filename="../../ui/panels/navigation.py" line="436"/>
        <source>Go straight</source>
        <translation>直行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="437"/>
        <source>%1 onto %2</source>
        <translation>%1，进入%2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="444"/>
        <source>You have arrived</source>
        <translation>您已到达目的地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="456"/>
        <source>%1 to go</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="457"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="458"/>
        <source>arrive %1</source>
        <translation>%1 到达</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="461"/>
        <source>%1 % at arrival</source>
        <translation>到达时电量 %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="465"/>
        <source>Charge at %1: %2 min to %3 %</source>
        <translation>在 %1 充电：%2 分钟充至 %3 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="469"/>
        <source>Below the reserve at arrival, and no charging station in reach</source>
        <translation>到达时电量低于储备，且无可到达的充电站</translation>
    </message>
</context>
<context>
    <name>PowerFlowView</name>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="41"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="42"/>
        <source>Motor</source>
        <translation>电机</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="43"/>
        <source>Climate</source>
        <translation>空调</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="44"/>
        <source>Auxiliaries</source>
        <translation>辅助用电</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="45"/>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="46"/>
        <source>Generator</source>
        <translation>增程器</translation>
    </message>
</context>
<context>
    <name>RemotePanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="86"/>
        <location filename="../../ui/panels/remote.py" line="68"/>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="37"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="45"/>
        <source>Remote access</source>
        <translation>远程访问</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="51"/>
        <source>Comfort and charging only; every command signed by a paired key.</source>
        <translation>仅限舒适与充电功能；每条指令都须由已配对的密钥签名。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="60"/>
        <source>Remote activity</source>
        <translation>远程活动</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="82"/>
        <source>Not connected: start the head unit with --mqtt URL.</source>
        <translation>未连接：请使用 --mqtt URL 启动车机。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="84"/>
        <location filename="../../ui/panels/remote.py" line="102"/>
        <source>Remote commands off</source>
        <translation>远程指令已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="89"/>
        <source>Connected to {0} as {1}</source>
        <translation>已连接到 {0}，车辆标识 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="93"/>
        <source>Not connected: {0}</source>
        <translation>未连接：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="96"/>
        <source>{0} telemetry messages waiting, {1} dropped</source>
        <translation>{0} 条遥测消息待发送，已丢弃 {1} 条</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="102"/>
        <source>Remote commands on</source>
        <translation>远程指令已开启</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="111"/>
        <source>No remote commands yet</source>
        <translation>尚无远程指令</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="124"/>
        <source>No paired keys: cockpit fleet pair NAME --key-out FILE</source>
        <translation>没有已配对的密钥：cockpit fleet pair NAME --key-out FILE</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="129"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="129"/>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="132"/>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../ui/widgets/replay_bar.py" line="44"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="37"/>
        <location filename="../../ui/widgets/status_bar.py" line="62"/>
        <source>voice: off</source>
        <translation>语音：关</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="40"/>
        <source>Day / night</source>
        <translation>日间 / 夜间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="62"/>
        <source>voice: {0}</source>
        <translation>语音：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="82"/>
        <source>Outside {0:.0f} {1}</source>
        <translation>车外 {0:.0f} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="98"/>
        <source>Simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="98"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="98"/>
        <source>Live</source>
        <translation>实车</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="101"/>
        <source>{0} {1} · {2:.0f} frames/s</source>
        <translation>{0} {1} · {2:.0f} 帧/秒</translation>
    </message>
</context>
<context>
    <name>VoiceController</name>
    <message>
        <location filename="../../ui/voice_controller.py" line="93"/>
        <source>Voice is not ready: {0}</source>
        <translation>语音尚未就绪：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="93"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="131"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="157"/>
        <source>I did not hear anything.</source>
        <translation>没有听到声音。</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="188"/>
        <source>No answer: nothing done.</source>
        <translation>没有回答：未执行任何操作。</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="208"/>
        <source>Waiting for the car…</source>
        <translation>等待车辆响应…</translation>
    </message>
</context>
<context>
    <name>VoiceOverlay</name>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="32"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="57"/>
        <source>Say yes or no</source>
        <translation>请说“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="59"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="60"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="88"/>
        <location filename="../../ui/widgets/voice_overlay.py" line="101"/>
        <source>Listening…</source>
        <translation>正在聆听…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="113"/>
        <source>Understanding…</source>
        <translation>正在理解…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="123"/>
        <source>Understood: {0}</source>
        <translation>已理解：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="123"/>
        <source>Not understood</source>
        <translation>未能理解</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="128"/>
        <source>Confidence: {0} %</source>
        <translation>置信度：{0} %</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="130"/>
        <source>also heard: “{0}”</source>
        <translation>也可能是：“{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="140"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="150"/>
        <source>Working…</source>
        <translation>执行中…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="155"/>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
</context>
</TS>
