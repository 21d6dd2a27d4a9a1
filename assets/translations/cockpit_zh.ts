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
    <name>CanMonitorPanel</name>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="194"/>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="194"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="194"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/panels/__init__.py" line="51"/>
        <location filename="../../ui/panels/can_monitor.py" line="219"/>
        <source>CAN monitor</source>
        <translation>CAN 监视器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="387"/>
        <source>{signal} · last 60 s</source>
        <translation>{signal} · 最近 60 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="390"/>
        <source>Tap a signal to plot it (last 60 s)</source>
        <translation>点击信号查看曲线（最近 60 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="393"/>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="396"/>
        <source>Tap an ID to see its signals</source>
        <translation>点击 ID 查看信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="419"/>
        <source>No DBC message for this ID</source>
        <translation>DBC 中没有此 ID 的报文</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="421"/>
        <source>This frame does not fit its DBC message</source>
        <translation>此帧与 DBC 报文定义不符</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="512"/>
        <source>Cannot record: {line}</source>
        <translation>无法录制：{line}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="530"/>
        <source>Recording failed: {line}</source>
        <translation>录制失败：{line}</translation>
    </message>
</context>
<context>
    <name>EnergyPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="37"/>
        <location filename="../../ui/panels/energy.py" line="57"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="85"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="91"/>
        <source>Power flow</source>
        <translation>能量流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="97"/>
        <source>Power and speed, last 5 minutes</source>
        <translation>功率与车速（最近 5 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="131"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="103"/>
        <source>Consumption per km</source>
        <translation>每公里能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="174"/>
        <source>Distance</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="175"/>
        <source>Energy used</source>
        <translation>耗电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="176"/>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="177"/>
        <source>Regenerated</source>
        <translation>能量回收</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="179"/>
        <source>Trip computer</source>
        <translation>行车电脑</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="183"/>
        <source>Since start</source>
        <translation>本次行程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="187"/>
        <source>Trip ⟲</source>
        <translation>小计 ⟲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="188"/>
        <source>Reset trip</source>
        <translation>小计里程清零</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="207"/>
        <source>Battery pack</source>
        <translation>电池包</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="209"/>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="210"/>
        <source>Current</source>
        <translation>电流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="211"/>
        <source>Temperature min / avg / max</source>
        <translation>温度 最低 / 平均 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="212"/>
        <source>Cells min / max</source>
        <translation>单体最低 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="213"/>
        <source>Cell delta</source>
        <translation>单体压差</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="219"/>
        <location filename="../../ui/panels/energy.py" line="317"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="220"/>
        <location filename="../../ui/panels/energy.py" line="310"/>
        <source>Not charging</source>
        <translation>未在充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="233"/>
        <source>Range extender</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="235"/>
        <source>Fuel</source>
        <translation>油量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="236"/>
        <source>Generator</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="237"/>
        <source>Electric range</source>
        <translation>纯电续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="238"/>
        <source>Total range</source>
        <translation>综合续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="311"/>
        <source>Plug in to see the power curve.</source>
        <translation>插枪后显示充电功率曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="317"/>
        <source>Charging finished</source>
        <translation>充电完成</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="319"/>
        <source>target {0:.0f} %</source>
        <translation>目标 {0:.0f} %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="322"/>
        <source>{0} h {1:02d} min to target</source>
        <translation>距目标 {0} 小时 {1:02d} 分</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="323"/>
        <source>{0:.1f} kWh added</source>
        <translation>已充 {0:.1f} kWh</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="370"/>
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
    <name>NavigationPanel</name>
    <message>
        <location filename="../../ui/panels/__init__.py" line="44"/>
        <location filename="../../ui/panels/navigation.py" line="93"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="105"/>
        <source>Search streets and places</source>
        <translation>搜索街道和地点</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="113"/>
        <location filename="../../ui/panels/navigation.py" line="332"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="114"/>
        <location filename="../../ui/panels/navigation.py" line="333"/>
        <source>Fuel</source>
        <translation>加油</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="115"/>
        <location filename="../../ui/panels/navigation.py" line="334"/>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="130"/>
        <source>Charge there</source>
        <translation>前往充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="134"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="145"/>
        <location filename="../../ui/panels/navigation.py" line="492"/>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="148"/>
        <source>North up / heading up</source>
        <translation>正北朝上 / 车头朝上</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="153"/>
        <source>Follow the car</source>
        <translation>跟随车辆</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="157"/>
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="261"/>
        <source>Importing the map: %1 %</source>
        <translation>正在导入地图：%1 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="264"/>
        <source>Map not loaded: %1</source>
        <translation>地图未加载：%1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="321"/>
        <source>Nothing found</source>
        <translation>未找到结果</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="331"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="350"/>
        <source>No position yet: waiting for GPS</source>
        <translation>尚无定位：等待 GPS</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="374"/>
        <source>Off the route: finding a new one…</source>
        <translation>已偏离路线：正在重新规划…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="414"/>
        <source>Arrive at %1</source>
        <translation>到达 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="416"/>
        <source>At the roundabout take exit %1</source>
        <translation>在环岛驶出第 %1 出口</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="418"/>
        <source>Keep left</source>
        <translation>靠左行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="418"/>
        <source>Keep right</source>
        <translation>靠右行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="420"/>
        <source>Continue straight</source>
        <translation>继续直行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="422"/>
        <source>Make a U-turn</source>
        <translation>掉头</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="425"/>
        <source>Turn left</source>
        <translation>左转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="426"/>
        <source>Turn right</source>
        <translation>右转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="427"/>
        <source>Turn slightly left</source>
        <translation>向左前方行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="428"/>
        <source>Turn slightly right</source>
        <translation>向右前方行驶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="429"/>
        <source>Turn sharp left</source>
        <translation>向左后方急转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="430"/>
        <source>Turn sharp right</source>
        <translation>向右后方急转</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="431"/>
        <location filename="../../ui/panels/navigation.py" line="432"/>
        <source>Go straight</source>
        <translation>直行</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="433"/>
        <source>%1 onto %2</source>
        <translation>%1，进入%2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="440"/>
        <source>You have arrived</source>
        <translation>您已到达目的地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="452"/>
        <source>%1 to go</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="453"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="454"/>
        <source>arrive %1</source>
        <translation>%1 到达</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="457"/>
        <source>%1 % at arrival</source>
        <translation>到达时电量 %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="461"/>
        <source>Charge at %1: %2 min to %3 %</source>
        <translation>在 %1 充电：%2 分钟充至 %3 %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/navigation.py" line="465"/>
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
        <source>voice: off</source>
        <translation>语音：关</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="40"/>
        <source>Day / night</source>
        <translation>日间 / 夜间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="78"/>
        <source>Outside {0:.0f} {1}</source>
        <translation>车外 {0:.0f} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="94"/>
        <source>Simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="94"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="94"/>
        <source>Live</source>
        <translation>实车</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="97"/>
        <source>{0} {1} · {2:.0f} frames/s</source>
        <translation>{0} {1} · {2:.0f} 帧/秒</translation>
    </message>
</context>
</TS>
