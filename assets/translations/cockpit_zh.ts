<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BusStats</name>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="61"/>
        <source>frames/s</source>
        <translation>帧/秒</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="62"/>
        <source>bus load</source>
        <translation>总线负载</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="63"/>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="64"/>
        <source>error frames</source>
        <translation>错误帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="65"/>
        <source>unknown IDs</source>
        <translation>未知 ID</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="66"/>
        <source>IDs seen</source>
        <translation>已见 ID</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="128"/>
        <source>● Recording {name} · {frames} frames</source>
        <translation>● 正在录制 {name} · {frames} 帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="136"/>
        <source>Saved {name} · {frames} frames</source>
        <translation>已保存 {name} · {frames} 帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="168"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="170"/>
        <source>Record</source>
        <translation>录制</translation>
    </message>
</context>
<context>
    <name>CabinPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="71"/>
        <location filename="../../ui/panels/cabin.py" line="66"/>
        <location filename="../../ui/panels/cabin.py" line="105"/>
        <source>Cabin</source>
        <translation>座舱</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="79"/>
        <source>Climate</source>
        <translation>空调</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="80"/>
        <source>Seats</source>
        <translation>座椅</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="81"/>
        <source>Windows</source>
        <translation>车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="82"/>
        <source>Doors &amp;&amp; roof</source>
        <translation>车门与天窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="83"/>
        <source>Lights</source>
        <translation>灯光</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="84"/>
        <source>Drive &amp;&amp; charging</source>
        <translation>驾驶与充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="134"/>
        <location filename="../../ui/panels/cabin.py" line="178"/>
        <source>Driver</source>
        <translation>主驾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="138"/>
        <location filename="../../ui/panels/cabin.py" line="179"/>
        <source>Passenger</source>
        <translation>副驾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="140"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="145"/>
        <source>Fan</source>
        <translation>风量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="147"/>
        <location filename="../../ui/panels/cabin.py" line="282"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="148"/>
        <source>A/C</source>
        <translation>A/C</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="153"/>
        <source>Air</source>
        <translation>空气</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="154"/>
        <source>Recirculate</source>
        <translation>内循环</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="155"/>
        <source>Windscreen defrost</source>
        <translation>前挡除雾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="156"/>
        <source>Rear defrost</source>
        <translation>后窗除雾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="162"/>
        <source>Face</source>
        <translation>吹面</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="163"/>
        <source>Face + feet</source>
        <translation>吹面+吹脚</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="164"/>
        <source>Feet</source>
        <translation>吹脚</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="165"/>
        <source>Feet + screen</source>
        <translation>吹脚+除雾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="166"/>
        <source>Screen</source>
        <translation>除雾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="169"/>
        <source>Distribution</source>
        <translation>出风模式</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="180"/>
        <source>Rear left</source>
        <translation>左后</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="181"/>
        <source>Rear right</source>
        <translation>右后</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="185"/>
        <location filename="../../ui/panels/cabin.py" line="222"/>
        <source>Heating</source>
        <translation>加热</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="186"/>
        <source>Ventilation</source>
        <translation>通风</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="187"/>
        <location filename="../../ui/panels/cabin.py" line="214"/>
        <source>Massage</source>
        <translation>按摩</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="188"/>
        <source>Programme</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="189"/>
        <source>Intensity</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="199"/>
        <source>Wave</source>
        <translation>波浪</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="200"/>
        <source>Cat</source>
        <translation>猫步</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="201"/>
        <source>Stretch</source>
        <translation>舒展</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="202"/>
        <source>Pulse</source>
        <translation>脉冲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="203"/>
        <source>Shoulder</source>
        <translation>肩部</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="204"/>
        <source>Lumbar</source>
        <translation>腰部</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="221"/>
        <source>Steering wheel</source>
        <translation>方向盘</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="231"/>
        <source>Driver window</source>
        <translation>主驾车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="232"/>
        <source>Passenger window</source>
        <translation>副驾车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="233"/>
        <source>Rear left window</source>
        <translation>左后车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="234"/>
        <source>Rear right window</source>
        <translation>右后车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="243"/>
        <location filename="../../ui/panels/cabin.py" line="252"/>
        <location filename="../../ui/panels/cabin.py" line="313"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="244"/>
        <location filename="../../ui/panels/cabin.py" line="253"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="250"/>
        <source>All windows</source>
        <translation>全部车窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="251"/>
        <source>Rear child lock</source>
        <translation>后排儿童锁</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="261"/>
        <source>Sunroof</source>
        <translation>天窗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="262"/>
        <source>Sunshade</source>
        <translation>遮阳帘</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="266"/>
        <source>Locks and lids</source>
        <translation>门锁与舱盖</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="267"/>
        <source>Locked</source>
        <translation>已上锁</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="268"/>
        <source>Tailgate</source>
        <translation>尾门</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="269"/>
        <source>Frunk</source>
        <translation>前备箱</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="281"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="283"/>
        <source>Low beam</source>
        <translation>近光</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="284"/>
        <source>High beam</source>
        <translation>远光</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="287"/>
        <source>Exterior</source>
        <translation>车外灯光</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="288"/>
        <source>Ambient</source>
        <translation>氛围灯</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="288"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="289"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="290"/>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="291"/>
        <source>Hazards</source>
        <translation>危险警示灯</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="291"/>
        <source>Flash</source>
        <translation>闪烁</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="301"/>
        <source>Eco</source>
        <translation>经济</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="301"/>
        <source>Comfort</source>
        <translation>舒适</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="301"/>
        <source>Sport</source>
        <translation>运动</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="306"/>
        <source>Coast</source>
        <translation>滑行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="306"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="306"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="306"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="308"/>
        <source>Drive mode</source>
        <translation>驾驶模式</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="309"/>
        <source>Regeneration</source>
        <translation>能量回收</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="311"/>
        <source>Charge limit</source>
        <translation>充电上限</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="313"/>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="314"/>
        <source>Charge port</source>
        <translation>充电口</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="316"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="316"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/panels/cabin.py" line="318"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
</context>
<context>
    <name>CanMonitorPanel</name>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="216"/>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="216"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="216"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/panels/__init__.py" line="103"/>
        <location filename="../../ui/panels/can_monitor.py" line="241"/>
        <source>CAN monitor</source>
        <translation>CAN 监视器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="445"/>
        <source>{signal} · last 60 s</source>
        <translation>{signal} · 最近 60 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="448"/>
        <source>Tap a signal to plot it (last 60 s)</source>
        <translation>点击信号查看曲线（最近 60 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="451"/>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="454"/>
        <source>Tap an ID to see its signals</source>
        <translation>点击 ID 查看信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="477"/>
        <source>No DBC message for this ID</source>
        <translation>DBC 中没有此 ID 的报文</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="479"/>
        <source>This frame does not fit its DBC message</source>
        <translation>此帧与 DBC 报文定义不符</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="575"/>
        <source>Cannot record: {line}</source>
        <translation>无法录制：{line}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="593"/>
        <source>Recording failed: {line}</source>
        <translation>录制失败：{line}</translation>
    </message>
</context>
<context>
    <name>CommandControls</name>
    <message>
        <location filename="../../ui/widgets/command_controls.py" line="54"/>
        <source>Waiting for the car to confirm</source>
        <translation>等待车辆确认</translation>
    </message>
</context>
<context>
    <name>CompanionPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="95"/>
        <location filename="../../ui/panels/companion.py" line="92"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="72"/>
        <source>Phone companion</source>
        <translation>手机互联</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="75"/>
        <source>The phone companion is off. Start the head unit with --companion to pair a phone on the same network.</source>
        <translation>手机互联未开启。使用 --companion 启动车机，即可与同一网络中的手机配对。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="96"/>
        <source>Pair a phone</source>
        <translation>配对手机</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="98"/>
        <source>Scan with the phone&apos;s camera (same Wi-Fi). The code works once, for 2 minutes.</source>
        <translation>用手机相机扫描（同一 Wi-Fi）。此码仅可使用一次，2 分钟内有效。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="108"/>
        <source>New code</source>
        <translation>新二维码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="118"/>
        <source>Certificate fingerprint (SHA-256): the phone&apos;s browser shows the same</source>
        <translation>证书指纹（SHA-256）：手机浏览器显示的应与此相同</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="129"/>
        <source>Paired phones</source>
        <translation>已配对的手机</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="136"/>
        <source>Commands from phones</source>
        <translation>来自手机的指令</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="174"/>
        <source>expires in %1:%2</source>
        <translation>%1:%2 后失效</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="186"/>
        <source>No phone is paired yet.</source>
        <translation>尚未配对手机。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="192"/>
        <source>paired %1</source>
        <translation>配对于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/companion.py" line="194"/>
        <source>Revoke</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>DiagnosticTerms</name>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="16"/>
        <source>Vehicle control unit (powertrain; answers OBD-II)</source>
        <translation>整车控制器（动力系统；应答 OBD-II）</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="17"/>
        <source>Battery management system</source>
        <translation>电池管理系统</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="18"/>
        <source>Body and climate control module</source>
        <translation>车身与空调控制模块</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="19"/>
        <source>Tyre pressure monitoring system</source>
        <translation>胎压监测系统</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="20"/>
        <source>On-board charger (29-bit addressing; answers OBD-II)</source>
        <translation>车载充电机（29 位寻址；应答 OBD-II）</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="22"/>
        <source>Spare part number</source>
        <translation>零件号</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="23"/>
        <source>ECU serial number</source>
        <translation>控制单元序列号</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="24"/>
        <source>Hardware version</source>
        <translation>硬件版本</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="25"/>
        <source>Software version</source>
        <translation>软件版本</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="26"/>
        <source>System name</source>
        <translation>系统名称</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="27"/>
        <source>Repair shop code</source>
        <translation>维修站代码</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="28"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="29"/>
        <source>Odometer</source>
        <translation>总里程</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="30"/>
        <source>Vehicle speed</source>
        <translation>车速</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="31"/>
        <source>12 V battery voltage</source>
        <translation>12 V 蓄电池电压</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="32"/>
        <source>Gear</source>
        <translation>挡位</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="33"/>
        <source>State of charge</source>
        <translation>荷电状态</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="34"/>
        <source>State of health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="35"/>
        <source>Pack voltage</source>
        <translation>电池包电压</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="36"/>
        <source>Lowest cell voltage</source>
        <translation>最低单体电压</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="37"/>
        <source>Highest cell voltage</source>
        <translation>最高单体电压</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="38"/>
        <source>Isolation resistance</source>
        <translation>绝缘电阻</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="39"/>
        <source>Pack temperature</source>
        <translation>电池包温度</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="40"/>
        <source>Outside temperature</source>
        <translation>车外温度</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="41"/>
        <source>Cabin temperature</source>
        <translation>车内温度</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="42"/>
        <source>Outside temperature sensor</source>
        <translation>车外温度传感器</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="43"/>
        <source>Tyre pressure front left</source>
        <translation>左前胎压</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="44"/>
        <source>Tyre pressure front right</source>
        <translation>右前胎压</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="45"/>
        <source>Tyre pressure rear left</source>
        <translation>左后胎压</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="46"/>
        <source>Tyre pressure rear right</source>
        <translation>右后胎压</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="47"/>
        <source>Charger state</source>
        <translation>充电机状态</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="48"/>
        <source>Charging power</source>
        <translation>充电功率</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="49"/>
        <source>Charge source</source>
        <translation>充电电源</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="51"/>
        <source>Left front tyre pressure sensor / pressure low</source>
        <translation>左前胎压传感器 / 胎压过低</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="52"/>
        <source>Right front tyre pressure sensor / pressure low</source>
        <translation>右前胎压传感器 / 胎压过低</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="53"/>
        <source>Left rear tyre pressure sensor / pressure low</source>
        <translation>左后胎压传感器 / 胎压过低</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="54"/>
        <source>Right rear tyre pressure sensor / pressure low</source>
        <translation>右后胎压传感器 / 胎压过低</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="55"/>
        <source>Tyre pressure monitor system sensor synchronisation not learned</source>
        <translation>胎压监测传感器未完成匹配学习</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="56"/>
        <source>System voltage</source>
        <translation>系统电压</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="57"/>
        <source>System voltage low</source>
        <translation>系统电压过低</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="58"/>
        <source>System voltage high</source>
        <translation>系统电压过高</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="59"/>
        <source>Hybrid/EV battery voltage system isolation fault</source>
        <translation>动力电池高压系统绝缘故障</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="60"/>
        <source>Hybrid/EV battery pack deterioration</source>
        <translation>动力电池包劣化</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="61"/>
        <source>Replace hybrid/EV battery pack</source>
        <translation>需更换动力电池包</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="62"/>
        <source>Hybrid/EV battery system voltage low</source>
        <translation>动力电池系统电压过低</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="63"/>
        <source>Battery cell voltage deviation too high (cells out of balance)</source>
        <translation>电芯电压偏差过大（电芯不均衡）</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="64"/>
        <source>Charger communication fault (charging stopped by the on-board charger)</source>
        <translation>充电机通信故障（车载充电机已停止充电）</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="67"/>
        <source>Battery charger input voltage performance</source>
        <translation>充电机输入电压性能异常</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="68"/>
        <source>Ambient air temperature sensor circuit</source>
        <translation>环境温度传感器电路</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="69"/>
        <source>Ambient air temperature sensor range/performance</source>
        <translation>环境温度传感器量程/性能</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="70"/>
        <source>Ambient air temperature sensor circuit low</source>
        <translation>环境温度传感器电路电压低</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="71"/>
        <source>Ambient air temperature sensor circuit high (signal lost / open circuit)</source>
        <translation>环境温度传感器电路电压高（信号丢失 / 断路）</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="74"/>
        <source>Electronic control unit internal fault</source>
        <translation>控制单元内部故障</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="75"/>
        <source>Lost communication with ECM/PCM &quot;A&quot;</source>
        <translation>与 ECM/PCM “A” 通信丢失</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="76"/>
        <source>Lost communication with battery energy control module &quot;A&quot;</source>
        <translation>与电池能量控制模块 “A” 通信丢失</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="77"/>
        <source>Lost communication with body control module</source>
        <translation>与车身控制模块通信丢失</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostic_terms.py" line="78"/>
        <source>Lost communication with instrument panel cluster (IPC) control module</source>
        <translation>与组合仪表（IPC）控制模块通信丢失</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="79"/>
        <location filename="../../ui/panels/diagnostics.py" line="112"/>
        <source>Vehicle health</source>
        <translation>车辆健康</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="109"/>
        <source>Not scanned yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="118"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="119"/>
        <source>Read codes</source>
        <translation>读取故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="120"/>
        <source>Clear codes…</source>
        <translation>清除故障码…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="134"/>
        <source>Faults (developer)</source>
        <translation>故障注入（开发者）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="153"/>
        <source>Tyre pressure low: front left</source>
        <translation>胎压过低：左前</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="154"/>
        <source>Tyre pressure low: front right</source>
        <translation>胎压过低：右前</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="155"/>
        <source>Tyre pressure low: rear left</source>
        <translation>胎压过低：左后</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="156"/>
        <source>Tyre pressure low: rear right</source>
        <translation>胎压过低：右后</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="157"/>
        <source>12 V battery low</source>
        <translation>12 V 蓄电池电压低</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="158"/>
        <source>Battery cells out of balance</source>
        <translation>电芯不均衡</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="159"/>
        <source>High-voltage isolation fault</source>
        <translation>高压绝缘故障</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="160"/>
        <source>Charging fault</source>
        <translation>充电故障</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="161"/>
        <source>Outside temperature sensor lost</source>
        <translation>车外温度传感器信号丢失</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="162"/>
        <source>TPMS stops answering diagnostics</source>
        <translation>胎压模块停止响应诊断</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="171"/>
        <source>Clear codes</source>
        <translation>清除故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="172"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="182"/>
        <source>ECUs</source>
        <translation>控制单元</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="191"/>
        <source>Trouble codes</source>
        <translation>故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="209"/>
        <source>ECU information</source>
        <translation>控制单元信息</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="210"/>
        <source>Select an ECU</source>
        <translation>请选择控制单元</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="237"/>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="240"/>
        <source>Reading trouble codes…</source>
        <translation>正在读取故障码…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="247"/>
        <source>Clear the stored trouble codes of %1 ECUs? Codes of faults that are still present come back at the next self-test.</source>
        <translation>清除 %1 个控制单元中存储的故障码？仍然存在的故障会在下一次自检时重新出现。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="257"/>
        <source>Clearing trouble codes…</source>
        <translation>正在清除故障码…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="260"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="348"/>
        <source>Codes cleared in %1 s</source>
        <translation>故障码已清除，用时 %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="350"/>
        <source>Codes read in %1 s</source>
        <translation>故障码已读取，用时 %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="366"/>
        <source>%1 of %2 ECUs answered in %3 s</source>
        <translation>%2 个控制单元中有 %1 个应答，用时 %3 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="374"/>
        <source>No answer from %1 after %2 s</source>
        <translation>%1 在 %2 秒内无应答</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="404"/>
        <source>No codes from the ECUs that answered</source>
        <translation>已应答的控制单元没有故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="406"/>
        <source>No trouble codes stored</source>
        <translation>没有存储的故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="419"/>
        <source>no codes</source>
        <translation>无故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="421"/>
        <source>1 code</source>
        <translation>1 个故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="423"/>
        <source>%1 codes</source>
        <translation>%1 个故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="452"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="474"/>
        <source>MIL</source>
        <translation>故障指示灯</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="474"/>
        <source>on</source>
        <translation>亮</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="474"/>
        <source>off</source>
        <translation>灭</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="478"/>
        <source>Monitors complete</source>
        <translation>监测已完成</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="479"/>
        <source>Monitors not complete</source>
        <translation>监测未完成</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="481"/>
        <source>Pending codes</source>
        <translation>待定故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="482"/>
        <source>Permanent codes</source>
        <translation>永久故障码</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnostics.py" line="488"/>
        <source>Freeze frame (%1)</source>
        <translation>冻结帧（%1）</translation>
    </message>
</context>
<context>
    <name>DtcTableModel</name>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="23"/>
        <source>ECU</source>
        <translation>控制单元</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="24"/>
        <source>Code</source>
        <translation>故障码</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="25"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="26"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="27"/>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="28"/>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="29"/>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="32"/>
        <source>active</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="33"/>
        <location filename="../../ui/models/dtc_table.py" line="40"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="34"/>
        <source>stored</source>
        <translation>已存储</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="35"/>
        <source>passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="38"/>
        <source>test failed</source>
        <translation>测试失败</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="39"/>
        <source>failed this cycle</source>
        <translation>本循环失败</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="41"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="42"/>
        <source>not tested since clear</source>
        <translation>清除后未测试</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="43"/>
        <source>failed since clear</source>
        <translation>清除后失败过</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="44"/>
        <source>not tested this cycle</source>
        <translation>本循环未测试</translation>
    </message>
    <message>
        <location filename="../../ui/models/dtc_table.py" line="45"/>
        <source>warning lamp</source>
        <translation>警告灯</translation>
    </message>
</context>
<context>
    <name>EnergyPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="47"/>
        <location filename="../../ui/panels/energy.py" line="102"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="164"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="170"/>
        <source>Power flow</source>
        <translation>能量流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="176"/>
        <source>Power and speed, last 5 minutes</source>
        <translation>功率与车速（最近 5 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="184"/>
        <source>Consumption per mile</source>
        <translation>每英里能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="184"/>
        <source>Consumption per km</source>
        <translation>每公里能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="219"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="268"/>
        <source>Distance</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="269"/>
        <source>Energy used</source>
        <translation>耗电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="270"/>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="271"/>
        <source>Regenerated</source>
        <translation>能量回收</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="273"/>
        <source>Trip computer</source>
        <translation>行车电脑</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="277"/>
        <source>Since start</source>
        <translation>本次行程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="288"/>
        <source>Trip ⟲</source>
        <translation>小计 ⟲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="290"/>
        <source>Reset trip</source>
        <translation>小计里程清零</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="310"/>
        <source>Battery pack</source>
        <translation>电池包</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="312"/>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="313"/>
        <source>Current</source>
        <translation>电流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="314"/>
        <source>Temperature min / avg / max</source>
        <translation>温度 最低 / 平均 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="315"/>
        <source>Cells min / max</source>
        <translation>单体最低 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="316"/>
        <source>Cell delta</source>
        <translation>单体压差</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="62"/>
        <location filename="../../ui/panels/energy.py" line="322"/>
        <location filename="../../ui/panels/energy.py" line="421"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="62"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="62"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="62"/>
        <source>Trip and pack</source>
        <translation>行程与电池包</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="188"/>
        <source>Bars appear after the first {0}.</source>
        <translation>行驶满 1 {0}后显示柱状图。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="287"/>
        <source>Trip</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="323"/>
        <location filename="../../ui/panels/energy.py" line="414"/>
        <source>Not charging</source>
        <translation>未在充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="336"/>
        <source>Range extender</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="338"/>
        <source>Fuel</source>
        <translation>油量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="339"/>
        <source>Generator</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="340"/>
        <source>Electric range</source>
        <translation>纯电续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="341"/>
        <source>Total range</source>
        <translation>综合续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="415"/>
        <source>Plug in to see the power curve.</source>
        <translation>插枪后显示充电功率曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="421"/>
        <source>Charging finished</source>
        <translation>充电完成</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="423"/>
        <source>target {0:.0f} %</source>
        <translation>目标 {0:.0f} %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="426"/>
        <source>{0} h {1:02d} min to target</source>
        <translation>距目标 {0} 小时 {1:02d} 分</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="427"/>
        <source>{0:.1f} kWh added</source>
        <translation>已充 {0:.1f} kWh</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="484"/>
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
    <name>GuidanceText</name>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="82"/>
        <source>Arrive at %1</source>
        <translation>到达 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="84"/>
        <source>At the roundabout take exit %1</source>
        <translation>在环岛驶出第 %1 出口</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="86"/>
        <source>Keep left</source>
        <translation>靠左行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="86"/>
        <source>Keep right</source>
        <translation>靠右行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="88"/>
        <source>Continue straight</source>
        <translation>继续直行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="90"/>
        <source>Make a U-turn</source>
        <translation>掉头</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="93"/>
        <source>Turn left</source>
        <translation>左转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="94"/>
        <source>Turn right</source>
        <translation>右转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="95"/>
        <source>Turn slightly left</source>
        <translation>向左前方行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="96"/>
        <source>Turn slightly right</source>
        <translation>向右前方行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="97"/>
        <source>Turn sharp left</source>
        <translation>向左后方急转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="98"/>
        <source>Turn sharp right</source>
        <translation>向右后方急转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="99"/>
        <location filename="../../ui/panels/guidance_text.py" line="100"/>
        <source>Go straight</source>
        <translation>直行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="101"/>
        <source>%1 onto %2</source>
        <translation>%1，进入%2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="118"/>
        <source>Swap here, about %1 min</source>
        <translation>在此换电，约 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="118"/>
        <source>Charge here for %1 min (to %2 %)</source>
        <translation>在此充电 %1 分钟（充至 %2 %）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="122"/>
        <source>%1 % at arrival</source>
        <translation>到达时电量 %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="126"/>
        <source>swap, about %1 min</source>
        <translation>换电，约 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="126"/>
        <source>charge %1 min to %2 %</source>
        <translation>充电 %1 分钟至 %2 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="139"/>
        <source>In %1, %2</source>
        <translation>%1后，%2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="146"/>
        <source>You have arrived at %1</source>
        <translation>已到达%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="146"/>
        <source>You have arrived</source>
        <translation>您已到达目的地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="153"/>
        <source>%1, then %2</source>
        <translation>%1，然后%2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="157"/>
        <source>%1 now</source>
        <translation>现在%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="162"/>
        <source>Swap the battery here, about %1 minutes.</source>
        <translation>请在此换电，约%1分钟。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="163"/>
        <source>Charge here for %1 minutes, to %2 percent.</source>
        <translation>请在此充电%1分钟，充至百分之%2。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="171"/>
        <source>%1 feet</source>
        <translation>%1英尺</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="174"/>
        <source>%1 miles</source>
        <translation>%1英里</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="176"/>
        <source>%1 kilometres</source>
        <translation>%1公里</translation>
    </message>
    <message>
        <location filename="../../ui/panels/guidance_text.py" line="177"/>
        <source>%1 metres</source>
        <translation>%1米</translation>
    </message>
</context>
<context>
    <name>HeadUnitWindow</name>
    <message>
        <location filename="../../ui/shell.py" line="186"/>
        <source>voice: unavailable</source>
        <translation>语音：不可用</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="190"/>
        <source>there is no {0} screen here</source>
        <translation>这里没有 {0} 界面</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="196"/>
        <source>navigation is not available here</source>
        <translation>这里没有导航</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="203"/>
        <source>the map is still loading</source>
        <translation>地图仍在加载</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="212"/>
        <source>nothing like that on this map</source>
        <translation>地图上没有找到</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="215"/>
        <source>Route to {0}.</source>
        <translation>前往 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="219"/>
        <source>Navigation cancelled.</source>
        <translation>导航已取消。</translation>
    </message>
</context>
<context>
    <name>HomePanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="39"/>
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
        <location filename="../../ui/panels/home.py" line="174"/>
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
        <location filename="../../ui/panels/home.py" line="134"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="136"/>
        <source>Plugged in</source>
        <translation>已插枪</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="138"/>
        <source>Range %1</source>
        <translation>续航 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="156"/>
        <source>Fan %1</source>
        <translation>风量 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/home.py" line="179"/>
        <source>Nothing playing</source>
        <translation>未在播放</translation>
    </message>
</context>
<context>
    <name>MediaButtons</name>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="26"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="27"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="28"/>
        <source>Next song</source>
        <translation>下一首</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="29"/>
        <source>Previous song</source>
        <translation>上一首</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="30"/>
        <source>Shuffle</source>
        <translation>随机播放</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="31"/>
        <source>Quieter</source>
        <translation>音量减小</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="32"/>
        <source>Louder</source>
        <translation>音量增大</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="33"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="34"/>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="35"/>
        <source>Up next</source>
        <translation>待播清单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="37"/>
        <source>Repeat off</source>
        <translation>不循环</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="38"/>
        <source>Repeat all</source>
        <translation>全部循环</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/media_buttons.py" line="39"/>
        <source>Repeat one</source>
        <translation>单曲循环</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="63"/>
        <location filename="../../ui/panels/media.py" line="74"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="82"/>
        <source>Search artists, albums, songs</source>
        <translation>搜索艺人、专辑、歌曲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="154"/>
        <source>Louder with speed</source>
        <translation>随车速增大音量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="236"/>
        <source>Play next</source>
        <translation>下一首播放</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="237"/>
        <source>Add to queue</source>
        <translation>添加到待播清单</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="254"/>
        <source>All artists</source>
        <translation>全部艺人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="294"/>
        <source>Scanning %1…</source>
        <translation>正在扫描 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="297"/>
        <source>No music folder at %1. Start with --music DIR to choose one.</source>
        <translation>未找到音乐文件夹，请用 --music 指定</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="307"/>
        <source>Nothing queued. Tap the icon at a song&apos;s right end to add it.</source>
        <translation>待播清单为空。点歌曲右侧的图标即可添加。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="308"/>
        <source>%1 songs up next</source>
        <translation>待播 %1 首</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="309"/>
        <source>%1 songs</source>
        <translation>%1 首歌曲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="311"/>
        <source>%1 files could not be read</source>
        <translation>%1 个文件无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="314"/>
        <source>%1 cannot be played</source>
        <translation>%1 首无法播放</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="320"/>
        <source>“%1” (%2) cannot be decoded: convert it again to FLAC, Ogg or MP3. Skipped.</source>
        <translation>“%1”（%2）无法解码：请重新转换为 FLAC、Ogg 或 MP3。已跳过。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="323"/>
        <source>“%1” is %2, which cannot be played here: convert it to FLAC, Ogg or MP3. Skipped.</source>
        <translation>“%1”是 %2 格式，这里无法播放：请转换为 FLAC、Ogg 或 MP3。已跳过。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="274"/>
        <source>Nothing playing</source>
        <translation>未在播放</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="90"/>
        <source>Artists</source>
        <translation>艺术家</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="90"/>
        <source>Albums</source>
        <translation>专辑</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="90"/>
        <source>Songs</source>
        <translation>歌曲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="90"/>
        <source>Up next</source>
        <translation>待播清单</translation>
    </message>
    <message>
        <location filename="../../ui/panels/media.py" line="275"/>
        <source>Choose a song</source>
        <translation>请选择歌曲</translation>
    </message>
</context>
<context>
    <name>MoreSheet</name>
    <message>
        <location filename="../../ui/widgets/nav_rail.py" line="177"/>
        <source>More screens</source>
        <translation>更多界面</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/nav_rail.py" line="181"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <location filename="../../ui/widgets/nav_rail.py" line="72"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/nav_rail.py" line="73"/>
        <source>All other screens</source>
        <translation>其他所有界面</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/nav_rail.py" line="78"/>
        <source>Talk</source>
        <translation>说话</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/nav_rail.py" line="79"/>
        <source>Push to talk (F2)</source>
        <translation>按下说话 (F2)</translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="55"/>
        <location filename="../../ui/panels/navigation.py" line="100"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="114"/>
        <source>Search streets and places</source>
        <translation>搜索街道和地点</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="122"/>
        <location filename="../../ui/panels/navigation.py" line="382"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="123"/>
        <location filename="../../ui/panels/navigation.py" line="383"/>
        <source>Fuel</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="124"/>
        <location filename="../../ui/panels/navigation.py" line="384"/>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="146"/>
        <source>Charge there</source>
        <translation>前往充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="154"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="180"/>
        <location filename="../../ui/panels/navigation.py" line="631"/>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="168"/>
        <source>North up / heading up</source>
        <translation>正北朝上 / 车头朝上</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="150"/>
        <source>Steps</source>
        <translation>路线步骤</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="173"/>
        <source>Follow the car</source>
        <translation>跟随车辆</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="188"/>
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="300"/>
        <source>Importing the map: %1 %</source>
        <translation>正在导入地图：%1 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="303"/>
        <source>Map not loaded: %1</source>
        <translation>地图未加载：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="371"/>
        <source>Nothing found</source>
        <translation>未找到结果</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="381"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="385"/>
        <source>Battery swap</source>
        <translation>换电站</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="386"/>
        <source>Food</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="387"/>
        <source>Hotel</source>
        <translation>酒店</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="388"/>
        <source>Shop</source>
        <translation>购物</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="389"/>
        <source>Toilets</source>
        <translation>卫生间</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="390"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="394"/>
        <source>%1 % match</source>
        <translation>匹配度 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="408"/>
        <source>No position yet: waiting for GPS</source>
        <translation>尚无定位：等待 GPS</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="444"/>
        <source>Off the route: finding a new one…</source>
        <translation>已偏离路线：正在重新规划…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="536"/>
        <source>You have arrived</source>
        <translation>您已到达目的地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="553"/>
        <source>%1 to go</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="554"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="555"/>
        <source>arrive %1</source>
        <translation>%1 到达</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="564"/>
        <source>Charge at %1: %2 min to %3 %</source>
        <translation>在 %1 充电：%2 分钟充至 %3 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="453"/>
        <location filename="../../ui/panels/navigation.py" line="568"/>
        <source>Below the reserve at arrival, and no charging station in reach</source>
        <translation>到达时电量低于储备，且无可到达的充电站</translation>
    </message>
</context>
<context>
    <name>PowerFlowView</name>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="45"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="46"/>
        <source>Motor</source>
        <translation>电机</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="47"/>
        <source>Climate</source>
        <translation>空调</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="48"/>
        <source>Auxiliaries</source>
        <translation>辅助用电</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="49"/>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="50"/>
        <source>Generator</source>
        <translation>增程器</translation>
    </message>
</context>
<context>
    <name>RemotePanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="111"/>
        <location filename="../../ui/panels/remote.py" line="98"/>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="49"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="57"/>
        <source>Remote access</source>
        <translation>远程访问</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="63"/>
        <source>Comfort and charging only; every command signed by a paired key.</source>
        <translation>仅限舒适与充电功能；每条指令都须由已配对的密钥签名。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="86"/>
        <source>Remote activity</source>
        <translation>远程活动</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="112"/>
        <source>Not connected: start the head unit with --mqtt URL.</source>
        <translation>未连接：请使用 --mqtt URL 启动车机。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="114"/>
        <location filename="../../ui/panels/remote.py" line="132"/>
        <source>Remote commands off</source>
        <translation>远程指令已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="119"/>
        <source>Connected to {0} as {1}</source>
        <translation>已连接到 {0}，车辆标识 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="123"/>
        <source>Not connected: {0}</source>
        <translation>未连接：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="126"/>
        <source>{0} telemetry messages waiting, {1} dropped</source>
        <translation>{0} 条遥测消息待发送，已丢弃 {1} 条</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="132"/>
        <source>Remote commands on</source>
        <translation>远程指令已开启</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="141"/>
        <source>No remote commands yet</source>
        <translation>尚无远程指令</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="154"/>
        <source>No paired keys: cockpit fleet pair NAME --key-out FILE</source>
        <translation>没有已配对的密钥：cockpit fleet pair NAME --key-out FILE</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="162"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="162"/>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/panels/remote.py" line="165"/>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../ui/widgets/replay_bar.py" line="52"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="46"/>
        <location filename="../../ui/widgets/status_bar.py" line="92"/>
        <source>voice: off</source>
        <translation>语音：关</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="57"/>
        <source>Day / night</source>
        <translation>日间 / 夜间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="92"/>
        <source>voice: {0}</source>
        <translation>语音：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="112"/>
        <source>Outside {0:.0f} {1}</source>
        <translation>车外 {0:.0f} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="136"/>
        <source>Simulator</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="136"/>
        <source>CAN</source>
        <translation>CAN</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="143"/>
        <source>{0:.0f} frames/s</source>
        <translation>{0:.0f} 帧/秒</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="156"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="157"/>
        <source>waiting for the interface</source>
        <translation>等待接口</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="158"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="159"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="160"/>
        <source>failed to open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="161"/>
        <source>reading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="162"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="163"/>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="164"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="136"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
</context>
<context>
    <name>Telltales</name>
    <message>
        <location filename="../../ui/widgets/telltales.py" line="68"/>
        <source>Tyre pressure low: check the tyres and inflate them</source>
        <translation>胎压过低：请检查轮胎并充气</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/telltales.py" line="72"/>
        <source>12 V battery low: the car may not start again; have it checked</source>
        <translation>12 V 蓄电池电压低：车辆可能无法再次启动，请检修</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/telltales.py" line="77"/>
        <source>High-voltage isolation fault: stop safely and call service</source>
        <translation>高压绝缘故障：请安全停车并联系售后</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/telltales.py" line="82"/>
        <source>Charging fault: charging has stopped</source>
        <translation>充电故障：充电已停止</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/telltales.py" line="87"/>
        <source>A door or lid is open while driving</source>
        <translation>行驶中车门或舱盖未关</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/telltales.py" line="92"/>
        <source>Seat belt not fastened</source>
        <translation>安全带未系</translation>
    </message>
</context>
<context>
    <name>TrackList</name>
    <message>
        <location filename="../../ui/models/track_list.py" line="31"/>
        <source>%1 · cannot be played</source>
        <translation>%1 · 无法播放</translation>
    </message>
</context>
<context>
    <name>TrackText</name>
    <message>
        <location filename="../../ui/widgets/track_text.py" line="17"/>
        <source>Unknown artist</source>
        <translation>未知艺术家</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/track_text.py" line="19"/>
        <source>Unknown album</source>
        <translation>未知专辑</translation>
    </message>
</context>
<context>
    <name>UpdatesPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="87"/>
        <location filename="../../ui/panels/updates.py" line="115"/>
        <source>Updates</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="79"/>
        <source>Check for updates</source>
        <translation>检查更新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="80"/>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="86"/>
        <source>Available updates</source>
        <translation>可用更新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="89"/>
        <source>Update</source>
        <translation>更新项</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="89"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="89"/>
        <location filename="../../ui/panels/updates.py" line="239"/>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="89"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="89"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="133"/>
        <source>Installing…</source>
        <translation>正在安装…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="133"/>
        <source>Checking for updates…</source>
        <translation>正在检查更新…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="158"/>
        <source>The update check failed: %1</source>
        <translation>检查更新失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="168"/>
        <source>No update repository enrolled</source>
        <translation>未登记更新仓库</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="169"/>
        <source>Enrol one with: cockpit ota update --repo URL --root ROOT.json</source>
        <translation>登记方法：cockpit ota update --repo URL --root ROOT.json</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="171"/>
        <source>Repository: %1</source>
        <translation>仓库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="174"/>
        <source>Last rollback: %1</source>
        <translation>上次回滚：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="205"/>
        <source>Update refused: %1</source>
        <translation>更新被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="207"/>
        <source>The repository offers nothing</source>
        <translation>仓库中没有可用内容</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="209"/>
        <source>Everything is up to date</source>
        <translation>全部已是最新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="212"/>
        <source>Ready to install: %1</source>
        <translation>可以安装：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="214"/>
        <source>Installed: %1</source>
        <translation>已安装：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="216"/>
        <source>Waiting: %1</source>
        <translation>等待中：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="218"/>
        <source>New content is checked at the next start and rolled back if it is broken</source>
        <translation>新内容将在下次启动时检查，如有损坏将自动回滚</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="225"/>
        <source>%1 firmware</source>
        <translation>%1 固件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="228"/>
        <source>vehicle profile</source>
        <translation>车辆配置</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="229"/>
        <source>map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="230"/>
        <source>voice model</source>
        <translation>语音模型</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="231"/>
        <source>app data</source>
        <translation>应用数据</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="237"/>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="241"/>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/updates.py" line="242"/>
        <source>Up to date</source>
        <translation>已是最新</translation>
    </message>
</context>
<context>
    <name>VoiceController</name>
    <message>
        <location filename="../../ui/voice_controller.py" line="96"/>
        <source>Voice is not ready: {0}</source>
        <translation>语音尚未就绪：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="96"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="134"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="160"/>
        <source>I did not hear anything.</source>
        <translation>没有听到声音。</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="191"/>
        <source>No answer: nothing done.</source>
        <translation>没有回答：未执行任何操作。</translation>
    </message>
    <message>
        <location filename="../../ui/voice_controller.py" line="212"/>
        <source>Waiting for the car…</source>
        <translation>等待车辆响应…</translation>
    </message>
</context>
<context>
    <name>VoiceOverlay</name>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="33"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="58"/>
        <source>Say yes or no</source>
        <translation>请说“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="60"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="61"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="89"/>
        <location filename="../../ui/widgets/voice_overlay.py" line="102"/>
        <source>Listening…</source>
        <translation>正在聆听…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="114"/>
        <source>Understanding…</source>
        <translation>正在理解…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="124"/>
        <source>Understood: {0}</source>
        <translation>已理解：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="124"/>
        <source>Not understood</source>
        <translation>未能理解</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="129"/>
        <source>Confidence: {0} %</source>
        <translation>置信度：{0} %</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="131"/>
        <source>also heard: “{0}”</source>
        <translation>也可能是：“{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="141"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="151"/>
        <source>Working…</source>
        <translation>执行中…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/voice_overlay.py" line="156"/>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
</context>
</TS>
